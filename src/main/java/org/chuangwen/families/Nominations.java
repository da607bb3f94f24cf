package org.chuangwen.families;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.people.HouseholdRef;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Nominations of households and their reviews against the criteria; a new review follows the old one, never replaces it. */
@Component
class Nominations {

	/** Who nominated: 社区工作人员, 楼长, 居民推荐. */
	static final List<String> KINDS = List.of("WORKER", "BUILDING_LEADER", "RESIDENT");

	private final JdbcClient jdbc;
	private final FamilyHouseholds households;
	private final DataScope scope;
	private final WriteTransactions transactions;
	private final FamilyHistory history;
	private final AuditLog audit;
	private final Clock clock;

	Nominations(JdbcClient jdbc, FamilyHouseholds households, DataScope scope, WriteTransactions transactions, FamilyHistory history, AuditLog audit,
			Clock clock) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.households = households;
		this.scope = scope;
		this.transactions = transactions;
		this.history = history;
		this.clock = clock;
	}

	record Criterion(long id, String name) {}

	record ReviewItem(long criterionId, String criterion, boolean met, String note) {}

	record Review(long id, long nominationId, boolean passed, String note, String reviewedBy, Instant reviewedAt, List<ReviewItem> items) {}

	record Nomination(long id, long householdId, String address, String nominatorKind, String nominatorName, String reason, LocalDate nominatedOn,
			String createdBy, Review review) {}

	record ReviewAnswer(Long criterionId, Boolean met, String note) {}

	List<Criterion> criteria() {
		return jdbc.sql("select id, name from family_criterion where active order by sort, id").query((rs, n) -> new Criterion(rs.getLong(1), rs.getString(2)))
				.list();
	}

	/**
	 * Adds a criterion that reviews from now on must assess; earlier reviews keep the criteria they had. An
	 * administrator's task, as editing the catalog is.
	 *
	 * @throws UserFacingException 403 for anyone but an administrator, 409 {@code duplicate_criterion}, 400 for a missing
	 *     or too long name
	 */
	Criterion addCriterion(String name) {
		scope.requireAdmin("family_criterion", name);
		String text = FamilyHouseholds.text("name", name, 100, "families.error.criterion-name");
		return transactions.run(() -> {
			if (jdbc.sql("select count(*) from family_criterion where name = :n").param("n", text).query(Long.class).single() > 0) {
				throw UserFacingException.conflict("duplicate_criterion", "families.error.criterion-duplicate", text);
			}
			var key = new GeneratedKeyHolder();
			jdbc.sql("insert into family_criterion (name, sort, active) values (:n, (select coalesce(max(sort), 0) + 10 from family_criterion), true)")
					.param("n", text).update(key, "id");
			long id = key.getKey().longValue();
			audit.record("FAMILY_CRITERION_ADDED", "family_criterion", id, null, text);
			return new Criterion(id, text);
		});
	}

	/**
	 * Stops asking a criterion in new reviews; the row stays, so earlier reviews still name it.
	 *
	 * @throws UserFacingException 403 for anyone but an administrator, 404 for an unknown criterion
	 */
	void retireCriterion(long id) {
		scope.requireAdmin("family_criterion", id);
		transactions.run(() -> {
			if (jdbc.sql("update family_criterion set active = false where id = :id").param("id", id).update() == 0) {
				throw UserFacingException.notFound("families.error.criterion");
			}
			audit.record("FAMILY_CRITERION_RETIRED", "family_criterion", id, null, null);
			return null;
		});
	}

	/**
	 * Nominates a household in the caller's scope.
	 *
	 * @throws UserFacingException 404 for a household outside the scope, 403 for a read-only role, 400 for invalid input
	 */
	Nomination nominate(Long householdId, String kind, String nominatorName, String reason) {
		HouseholdRef household = households.writable(householdId);
		String k = kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT);
		if (!KINDS.contains(k)) {
			throw UserFacingException.badRequest("invalid_nominator", "families.error.nominator-kind");
		}
		String name = FamilyHouseholds.text("nominatorName", nominatorName, 100, "families.error.nominator-name");
		String why = FamilyHouseholds.text("reason", reason, 500, null);
		String by = scope.user().username();
		return transactions.run(() -> {
			var key = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into family_nomination (household_id, org_path, address, nominator_kind, nominator_name, reason, nominated_on, created_by,
					  created_at) values (:h, :p, :a, :k, :n, :r, :on, :by, :at)""")
					.param("h", household.id()).param("p", household.orgPath()).param("a", household.address()).param("k", k).param("n", name)
					.param("r", why).param("on", LocalDate.now(clock.withZone(Zones.SHANGHAI))).param("by", by)
					.param("at", Timestamp.from(Instant.now(clock)))
					.update(key, "id");
			long id = key.getKey().longValue();
			history.record(household.id(), household.orgPath(), "nomination", id, "NOMINATED", name + " (" + k + ")", by, household.buildingId());
			return find(id);
		});
	}

	/**
	 * Reviews a nomination: every active criterion answered once, met or not, with an optional note. It passes when all
	 * are met.
	 *
	 * @throws UserFacingException 404 outside the scope, 403 read-only, 400 {@code invalid_review} for a missing,
	 *     repeated or unknown criterion
	 */
	Review review(long nominationId, List<ReviewAnswer> answers, String note) {
		Nomination nomination = readable(nominationId);
		HouseholdRef household = households.writable(nomination.householdId());
		Map<Long, Criterion> criteria = new HashMap<>();
		criteria().forEach(c -> criteria.put(c.id(), c));
		Set<Long> seen = new HashSet<>();
		List<ReviewItem> items = new ArrayList<>();
		for (ReviewAnswer a : answers == null ? List.<ReviewAnswer>of() : answers) {
			if (a == null || a.criterionId() == null || !criteria.containsKey(a.criterionId()) || !seen.add(a.criterionId())) {
				throw UserFacingException.badRequest("invalid_review", "families.error.review");
			}
			items.add(new ReviewItem(a.criterionId(), criteria.get(a.criterionId()).name(), Boolean.TRUE.equals(a.met()),
					FamilyHouseholds.text("note", a.note(), 500, null)));
		}
		if (!seen.equals(criteria.keySet())) {
			throw UserFacingException.badRequest("invalid_review", "families.error.review");
		}
		String overall = FamilyHouseholds.text("note", note, 500, null);
		boolean passed = items.stream().allMatch(ReviewItem::met);
		String by = scope.user().username();
		return transactions.run(() -> {
			var key = new GeneratedKeyHolder();
			jdbc.sql("insert into family_review (nomination_id, passed, note, reviewed_by, reviewed_at) values (:n, :p, :note, :by, :at)")
					.param("n", nominationId).param("p", passed).param("note", overall).param("by", by).param("at", Timestamp.from(Instant.now(clock)))
					.update(key, "id");
			long id = key.getKey().longValue();
			for (ReviewItem item : items) {
				jdbc.sql("insert into family_review_item (review_id, criterion_id, criterion, met, note) values (:r, :c, :name, :m, :note)")
						.param("r", id).param("c", item.criterionId()).param("name", item.criterion()).param("m", item.met()).param("note", item.note())
						.update();
			}
			history.record(household.id(), household.orgPath(), "nomination", nominationId, "REVIEWED",
					(passed ? "通过" : "未通过") + " " + items.stream().filter(i -> !i.met()).map(ReviewItem::criterion).toList(), by,
					household.buildingId());
			return reviews(List.of(nominationId)).get(nominationId);
		});
	}

	/** A nomination in the caller's scope, with its newest review; 404 otherwise. */
	Nomination readable(long id) {
		Nomination n = jdbc.sql("select * from family_nomination where id = :id and org_path like :p").param("id", id).param("p", scope.path() + "%")
				.query(this::row).optional().orElseThrow(() -> UserFacingException.notFound("families.error.nomination"));
		return withReview(List.of(n)).get(0);
	}

	/** Nominations under a unit in the caller's scope, newest first. */
	List<Nomination> list(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		return withReview(jdbc.sql("select * from family_nomination where org_path like :p order by id desc").param("p", unit.path() + "%")
				.query(this::row).list());
	}

	private Nomination find(long id) {
		return withReview(List.of(jdbc.sql("select * from family_nomination where id = :id").param("id", id).query(this::row).single())).get(0);
	}

	private List<Nomination> withReview(List<Nomination> nominations) {
		Map<Long, Review> reviews = reviews(nominations.stream().map(Nomination::id).toList());
		return nominations.stream().map(n -> new Nomination(n.id(), n.householdId(), n.address(), n.nominatorKind(), n.nominatorName(), n.reason(),
				n.nominatedOn(), n.createdBy(), reviews.get(n.id()))).toList();
	}

	/** The newest review of each nomination that has one. */
	private Map<Long, Review> reviews(List<Long> nominationIds) {
		Map<Long, Review> newest = new HashMap<>();
		if (nominationIds.isEmpty()) {
			return newest;
		}
		jdbc.sql("select * from family_review where nomination_id in (:ids) order by id").param("ids", nominationIds).query(rs -> {
			long nomination = rs.getLong("nomination_id");
			newest.put(nomination, new Review(rs.getLong("id"), nomination, rs.getBoolean("passed"), rs.getString("note"), rs.getString("reviewed_by"),
					rs.getTimestamp("reviewed_at").toInstant(), new ArrayList<>()));
		});
		if (!newest.isEmpty()) {
			Map<Long, Review> byId = new HashMap<>();
			newest.values().forEach(r -> byId.put(r.id(), r));
			jdbc.sql("select i.* from family_review_item i join family_criterion c on c.id = i.criterion_id where i.review_id in (:ids)"
					+ " order by c.sort, c.id").param("ids", byId.keySet())
					.query(rs -> {
						byId.get(rs.getLong("review_id")).items().add(new ReviewItem(rs.getLong("criterion_id"), rs.getString("criterion"),
								rs.getBoolean("met"), rs.getString("note")));
					});
		}
		return newest;
	}

	private Nomination row(ResultSet rs, int n) throws SQLException {
		return new Nomination(rs.getLong("id"), rs.getLong("household_id"), rs.getString("address"), rs.getString("nominator_kind"),
				rs.getString("nominator_name"), rs.getString("reason"), rs.getObject("nominated_on", LocalDate.class), rs.getString("created_by"), null);
	}
}
