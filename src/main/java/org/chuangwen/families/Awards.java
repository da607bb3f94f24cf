package org.chuangwen.families;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.people.HouseholdRef;
import org.chuangwen.people.Households;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Awards of the 文明家庭 title and the Ⅲ-119 share they make. An award is never changed or deleted; a revocation is
 * written once onto it with its reason and day, after which it no longer counts.
 */
@Component
class Awards {

	/** What the share counts, shown beside it. */
	static final String DEFINITION = "区级以上(含区级)文明家庭户数 ÷ 社区总户数";

	private static final String COUNTED_LEVELS = String.join(",",
			Arrays.stream(FamilyLevel.values()).filter(FamilyLevel::districtOrAbove).map(l -> "'" + l.name() + "'").toList());

	private final JdbcClient jdbc;
	private final FamilyHouseholds families;
	private final Households households;
	private final Nominations nominations;
	private final DataScope scope;
	private final WriteTransactions transactions;
	private final FamilyHistory history;
	private final FamiliesProperties properties;
	private final Clock clock;

	Awards(JdbcClient jdbc, FamilyHouseholds families, Households households, Nominations nominations, DataScope scope, WriteTransactions transactions,
			FamilyHistory history, FamiliesProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.families = families;
		this.households = households;
		this.nominations = nominations;
		this.scope = scope;
		this.transactions = transactions;
		this.history = history;
		this.properties = properties;
		this.clock = clock;
	}

	record Award(long id, long householdId, String address, FamilyLevel level, LocalDate awardedOn, LocalDate plaqueOn, Long nominationId,
			String awardedBy, LocalDate revokedOn, String revokeReason, String revokedBy) {

		@JsonProperty
		public String levelName() {
			return level.label();
		}

		@JsonProperty
		public boolean revoked() {
			return revokedOn != null;
		}

		/** Whether Ⅲ-119's share counts this award now. */
		@JsonProperty
		public boolean counted() {
			return revokedOn == null && level.districtOrAbove();
		}
	}

	record Share(long orgUnitId, long households, long awardedDistrictOrAbove, BigDecimal share, BigDecimal target, boolean met, String definition) {}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.SHANGHAI));
	}

	/**
	 * Awards the title to a household in the caller's scope.
	 *
	 * @throws UserFacingException 404 for a household outside the scope, 403 read-only, 400 {@code invalid_level},
	 *     {@code invalid_date} or {@code invalid_nomination}, 409 {@code not_passed} for a nomination whose newest review
	 *     did not pass, 409 {@code duplicate_award} for the same level in the same year twice
	 */
	Award award(Long householdId, String level, LocalDate awardedOn, LocalDate plaqueOn, Long nominationId) {
		HouseholdRef household = families.writable(householdId);
		FamilyLevel l = FamilyLevel.parse(level);
		LocalDate today = today();
		if (awardedOn == null || awardedOn.isAfter(today) || awardedOn.getYear() < 1980) {
			throw UserFacingException.badRequest("invalid_date", "families.error.awarded-on");
		}
		if (plaqueOn != null && (plaqueOn.isBefore(awardedOn) || plaqueOn.isAfter(today))) {
			throw UserFacingException.badRequest("invalid_date", "families.error.plaque-on");
		}
		if (nominationId != null) {
			Nominations.Nomination nomination = nominations.readable(nominationId);
			if (nomination.householdId() != household.id()) {
				throw UserFacingException.badRequest("invalid_nomination", "families.error.nomination-household");
			}
			if (nomination.review() == null || !nomination.review().passed()) {
				throw UserFacingException.conflict("not_passed", "families.error.not-passed");
			}
		}
		String by = scope.user().username();
		return transactions.run(() -> {
			boolean twin = jdbc.sql("""
					select count(*) from family_award where household_id = :h and level = :l and revoked_on is null
					  and awarded_on >= :from and awarded_on <= :to""")
					.param("h", household.id()).param("l", l.name()).param("from", awardedOn.withDayOfYear(1))
					.param("to", awardedOn.withDayOfYear(awardedOn.lengthOfYear())).query(Long.class).single() > 0;
			if (twin) {
				throw UserFacingException.conflict("duplicate_award", "families.error.duplicate", l.label(), awardedOn.getYear());
			}
			var key = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into family_award (household_id, org_path, address, level, awarded_on, plaque_on, nomination_id, awarded_by, awarded_at)
					values (:h, :p, :a, :l, :on, :plaque, :n, :by, :at)""")
					.param("h", household.id()).param("p", household.orgPath()).param("a", household.address()).param("l", l.name())
					.param("on", awardedOn).param("plaque", plaqueOn).param("n", nominationId).param("by", by)
					.param("at", Timestamp.from(Instant.now(clock)))
					.update(key, "id");
			long id = key.getKey().longValue();
			history.record(household.id(), household.orgPath(), "award", id, "AWARDED", l.label() + " " + awardedOn, by, household.buildingId());
			return find(id);
		});
	}

	/**
	 * Revokes an award with a reason; the award stays, marked revoked.
	 *
	 * @throws UserFacingException 404 outside the scope, 403 read-only, 400 {@code missing_reason}, 409
	 *     {@code already_revoked}
	 */
	Award revoke(long id, String reason) {
		Award award = readable(id);
		HouseholdRef household = families.writable(award.householdId());
		if (award.revoked()) {
			throw UserFacingException.conflict("already_revoked", "families.error.already-revoked");
		}
		String why = FamilyHouseholds.text("reason", reason, 500, null);
		if (why == null) {
			throw UserFacingException.badRequest("missing_reason", "families.error.reason");
		}
		String by = scope.user().username();
		return transactions.run(() -> {
			// the condition on revoked_on makes a concurrent second revocation find nothing to change
			int changed = jdbc.sql("""
					update family_award set revoked_on = :on, revoke_reason = :r, revoked_by = :by, revoked_at = :at
					where id = :id and revoked_on is null""")
					.param("on", today()).param("r", why).param("by", by).param("at", Timestamp.from(Instant.now(clock))).param("id", id)
					.update();
			if (changed == 0) {
				throw UserFacingException.conflict("already_revoked", "families.error.already-revoked");
			}
			history.record(household.id(), household.orgPath(), "award", id, "REVOKED", why, by, household.buildingId());
			return find(id);
		});
	}

	/** An award in the caller's scope; 404 otherwise. */
	Award readable(long id) {
		return jdbc.sql("select * from family_award where id = :id and org_path like :p").param("id", id).param("p", scope.path() + "%")
				.query(Awards::row).optional().orElseThrow(() -> UserFacingException.notFound("families.error.award"));
	}

	/** Awards under a unit in the caller's scope, newest first, revoked ones included. */
	List<Award> list(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		return jdbc.sql("select * from family_award where org_path like :p order by awarded_on desc, id desc").param("p", unit.path() + "%")
				.query(Awards::row).list();
	}

	/** Awards under a unit in the caller's scope, not revoked, awarded in the period (both days included), oldest first. */
	List<Award> standing(long orgUnitId, LocalDate from, LocalDate to) {
		OrgUnit unit = scope.readable(orgUnitId);
		return jdbc.sql("select * from family_award where org_path like :p and revoked_on is null and awarded_on >= :from and awarded_on <= :to"
				+ " order by awarded_on, id").param("p", unit.path() + "%").param("from", from).param("to", to).query(Awards::row).list();
	}

	/**
	 * Ⅲ-119's share for a unit in the caller's scope as of a day: households holding an award of 区级 or above, awarded
	 * by then and not revoked by then, over the households with at least one member.
	 */
	Share share(long orgUnitId, LocalDate on) {
		OrgUnit unit = scope.readable(orgUnitId);
		long all = households.countAt(unit.id());
		long awarded = jdbc.sql("select count(distinct household_id) from family_award where org_path like :p and level in (" + COUNTED_LEVELS + ")"
				+ " and awarded_on <= :on and (revoked_on is null or revoked_on > :on)")
				.param("p", unit.path() + "%").param("on", on).query(Long.class).single();
		BigDecimal share = all == 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.valueOf(awarded).divide(BigDecimal.valueOf(all), 4, RoundingMode.HALF_UP);
		BigDecimal target = properties.target();
		return new Share(unit.id(), all, awarded, share, target, all > 0 && share.compareTo(target) >= 0, DEFINITION);
	}

	private Award find(long id) {
		return jdbc.sql("select * from family_award where id = :id").param("id", id).query(Awards::row).single();
	}

	private static Award row(ResultSet rs, int n) throws SQLException {
		long nomination = rs.getLong("nomination_id");
		Long nominationId = rs.wasNull() ? null : nomination;
		return new Award(rs.getLong("id"), rs.getLong("household_id"), rs.getString("address"), FamilyLevel.valueOf(rs.getString("level")),
				rs.getObject("awarded_on", LocalDate.class), rs.getObject("plaque_on", LocalDate.class), nominationId, rs.getString("awarded_by"),
				rs.getObject("revoked_on", LocalDate.class), rs.getString("revoke_reason"), rs.getString("revoked_by"));
	}
}
