package org.chuangwen.moralbank;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** A community's list of rewards (name and points) that its residents may redeem. */
@Component
class Rewards {

	record Reward(long id, long orgUnitId, String name, long points) {}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final Orgs orgs;
	private final Clock clock;

	Rewards(JdbcClient jdbc, DataScope scope, Orgs orgs, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.orgs = orgs;
		this.clock = clock;
	}

	Reward add(long orgUnitId, String name, Long points) {
		OrgUnit unit = scope.writable(orgUnitId);
		OrgUnit community = orgs.communityOf(unit).orElseThrow(() -> UserFacingException.badRequest("not_a_community", "moralbank.error.community"));
		String clean = name == null ? null : Text.blankToNull(Text.check("name", name.strip(), false));
		if (clean == null || clean.length() > 100) {
			throw UserFacingException.badRequest("invalid_name", "moralbank.error.reward-name");
		}
		if (points == null || points <= 0 || points > 1_000_000) {
			throw UserFacingException.badRequest("invalid_points", "moralbank.error.points");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("insert into moral_reward (org_unit_id, org_path, name, points, created_by, created_at) values (:u, :p, :n, :pts, :by, :at)")
					.param("u", community.id()).param("p", community.path()).param("n", clean).param("pts", points)
					.param("by", scope.user().username()).param("at", Timestamp.from(Instant.now(clock))).update(key, "id");
		} catch (DuplicateKeyException e) {
			throw UserFacingException.conflict("duplicate_reward", "moralbank.error.duplicate-reward");
		}
		return new Reward(key.getKey().longValue(), community.id(), clean, points);
	}

	/** The rewards of the communities at, below or above the unit. */
	List<Reward> list(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		OrgUnit community = orgs.communityOf(unit).orElse(unit);
		return jdbc.sql("select id, org_unit_id, name, points from moral_reward where org_path like :p order by points, name")
				.param("p", community.path() + "%").query((rs, n) -> new Reward(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4))).list();
	}

	/** The reward if it belongs to the community; 404 otherwise. */
	Reward of(Long rewardId, long communityId) {
		if (rewardId == null) {
			throw UserFacingException.badRequest("reward_required", "moralbank.error.reward-required");
		}
		return jdbc.sql("select id, org_unit_id, name, points from moral_reward where id = :id and org_unit_id = :u").param("id", rewardId)
				.param("u", communityId).query((rs, n) -> new Reward(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4))).optional()
				.orElseThrow(() -> UserFacingException.notFound("error.scope.not-found"));
	}
}
