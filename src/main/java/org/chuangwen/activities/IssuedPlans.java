package org.chuangwen.activities;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans a street issues to all or chosen communities: the plan is filed in each community's boxes as 街道下发的方案
 * (the same file, stored once), and each community gets a to-do to answer with its own activity.
 */
@Service
class IssuedPlans {

	/** The stages whose materials show an activity took place; planning, notice and sign-up do not. */
	private static final String HELD_STAGES = java.util.stream.Stream.of(ActivityStage.ATTENDANCE, ActivityStage.RECORD, ActivityStage.PHOTOS,
			ActivityStage.SUMMARY, ActivityStage.BRIEFING, ActivityStage.MEDIA).map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

	private static final String SELECT = """
			select p.id, p.title, p.org_unit_id as street_id, t.community_id, k.name as category, p.issued_at, p.issued_by,
			       p.date_formed, p.document_number, p.respond_by, t.material_id, t.activity_id,
			       (select count(*) from activity_stage s where s.activity_id = t.activity_id and s.stage in (%s)) as held_stages,
			       (select count(*) from issued_plan_reminder r where r.plan_id = p.id and r.community_id = t.community_id) as reminders,
			       (select max(r.sent_at) from issued_plan_reminder r where r.plan_id = p.id and r.community_id = t.community_id) as last_reminder
			from issued_plan p join issued_plan_target t on t.plan_id = p.id
			left join activity_category k on k.id = p.category_id""".formatted(HELD_STAGES);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final Orgs orgs;
	private final Catalog catalog;
	private final Activities activities;
	private final EvidenceArchive evidence;
	private final AuditLog audit;
	private final Clock clock;

	IssuedPlans(JdbcClient jdbc, DataScope scope, Orgs orgs, Catalog catalog, Activities activities, EvidenceArchive evidence, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.orgs = orgs;
		this.catalog = catalog;
		this.activities = activities;
		this.evidence = evidence;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The streets the caller may issue plans from.
	 *
	 * @throws UserFacingException 403 for a caller who holds no street or may not write
	 */
	List<OrgUnit> streetsToIssueFrom() {
		List<OrgUnit> streets = orgs.within(scope.path()).stream().filter(u -> u.kind() == OrgKind.STREET).toList();
		if (streets.isEmpty() || !scope.canWrite()) {
			throw UserFacingException.forbidden("error.plan.street-only");
		}
		return streets;
	}

	/** The communities in the caller's scope a plan may go to. */
	List<OrgUnit> communitiesToIssueTo() {
		return orgs.within(scope.path()).stream().filter(u -> u.kind() == OrgKind.COMMUNITY).toList();
	}

	/**
	 * Issues a plan from a street to its communities ({@code communityIds} empty: all of them), filed against the
	 * indicators given or, when none, those of the category.
	 *
	 * @return the id of the plan
	 */
	@Transactional
	long issue(long streetId, PlanDocument document, String categoryName, List<Long> communityIds, List<String> indicatorCodes, List<Upload> files) {
		OrgUnit street = scope.writable(streetId);
		if (street.kind() != OrgKind.STREET && street.kind() != OrgKind.DISTRICT) {
			throw UserFacingException.badRequest("not_a_street", "error.plan.street", street.name());
		}
		String title = document.title();
		if (title == null || title.isBlank() || title.strip().length() > 200) {
			throw UserFacingException.badRequest("invalid_title", "error.material.title", 200);
		}
		LocalDate today = LocalDate.now(clock.withZone(ActivityFields.SHANGHAI));
		document.check(today);
		ActivityCategory category = categoryName == null || categoryName.isBlank() ? null : activities.category(categoryName);
		List<String> codes = indicatorCodes != null && !indicatorCodes.isEmpty()
				? catalog.resolveAll(indicatorCodes).stream().map(Indicator::code).toList()
				: category == null ? List.of() : activities.indicatorsOf(category).stream().map(Indicator::code).toList();
		List<OrgUnit> communities = communityIds == null || communityIds.isEmpty()
				? orgs.communitiesWithin(street.path())
				: communityIds.stream().map(scope::writable).toList();
		for (OrgUnit community : communities) {
			if (community.kind() != OrgKind.COMMUNITY || !community.path().startsWith(street.path())) {
				throw UserFacingException.badRequest("not_a_community", "error.activity.community", community.name());
			}
		}
		if (communities.isEmpty()) {
			throw UserFacingException.badRequest("no_community", "error.plan.no-community");
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into issued_plan (org_unit_id, org_path, title, category_id, issued_by, issued_at, date_formed, document_number, respond_by)
				values (:u, :p, :t, :c, :by, :at, :formed, :number, :due)""")
				.param("u", street.id()).param("p", street.path()).param("t", title.strip()).param("c", category == null ? null : category.id())
				.param("by", scope.user().username()).param("at", Timestamp.from(Instant.now(clock))).param("formed", document.dateFormed())
				.param("number", document.documentNumber()).param("due", document.respondBy()).update(key, "id");
		long planId = key.getKey().longValue();
		for (OrgUnit community : communities) {
			MaterialDetails filed = evidence.file(new NewMaterial(community.id(), "街道下发的方案", title.strip(), document.dateFormed(), street.name(), codes,
					document.documentNumber()), files);
			jdbc.sql("insert into issued_plan_target (plan_id, community_id, material_id) values (:p, :c, :m)")
					.param("p", planId).param("c", community.id()).param("m", filed.id()).update();
		}
		audit.record("PLAN_ISSUED", "issued_plan", planId, street.id(), communities.size() + " communities: " + title.strip());
		return planId;
	}

	/**
	 * The caller's own community's plans that are not done yet: those it has not answered, then those whose activity
	 * is planned but not held. A street's staff have no such to-dos; they follow their communities in {@link #issued()}.
	 */
	List<IssuedPlan> awaiting() {
		Long community = orgs.find(scope.user().orgUnitId()).flatMap(orgs::communityOf).map(OrgUnit::id).orElse(null);
		if (community == null) {
			return List.of();
		}
		return plans(jdbc.sql(SELECT + " where t.community_id = :community order by p.issued_at desc").param("community", community))
				.stream().map(Named::plan)
				.filter(p -> p.state() != IssuedPlan.State.DONE)
				.sorted(Comparator.comparing(IssuedPlan::answered))
				.toList();
	}

	/**
	 * Records a reminder (催办) to a community that has not held an activity for the plan; the community sees it on its
	 * to-do. Only the street that issued the plan (or a unit above it) may send one.
	 *
	 * @throws UserFacingException 404 for a plan or community outside the caller's scope, 409 when the plan is done
	 */
	@Transactional
	void remind(long planId, long communityId) {
		IssuedPlan plan = forCommunity(planId, communityId);
		String issuedFrom = jdbc.sql("select org_path from issued_plan where id = :id").param("id", planId).query(String.class).single();
		if (!issuedFrom.startsWith(scope.path()) || !scope.canWrite()) {
			throw UserFacingException.forbidden("error.plan.street-only");
		}
		if (plan.state() == IssuedPlan.State.DONE) {
			throw UserFacingException.conflict("plan_done", "error.plan.done", plan.communityName());
		}
		jdbc.sql("insert into issued_plan_reminder (plan_id, community_id, sent_by, sent_at) values (:p, :c, :by, :at)")
				.param("p", planId).param("c", communityId).param("by", scope.user().username()).param("at", Timestamp.from(Instant.now(clock)))
				.update();
		audit.record("PLAN_REMINDED", "issued_plan", planId, communityId, plan.communityName() + ": " + plan.title());
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ActivityFields.SHANGHAI));
	}

	/** Every community's state of the plans issued from the caller's unit or below, newest first. */
	List<IssuedPlan> issued() {
		return plans(jdbc.sql(SELECT + " where p.org_path like :path").param("path", scope.path() + "%"))
				.stream()
				.sorted(Comparator.comparing((Named n) -> n.plan().issuedAt()).reversed()
						.thenComparingInt(n -> n.community() == null ? Integer.MAX_VALUE : n.community().sort())
						.thenComparingLong(n -> n.plan().communityId()))
				.map(Named::plan)
				.toList();
	}

	/** {@link #issued()} by plan, newest plan first, each with its communities in the tree's order. */
	Map<Long, List<IssuedPlan>> issuedByPlan() {
		return issued().stream().collect(Collectors.groupingBy(IssuedPlan::id, LinkedHashMap::new, Collectors.toList()));
	}

	/** One community's copy of an issued plan, in the caller's scope. */
	IssuedPlan forCommunity(long planId, long communityId) {
		OrgUnit community = scope.readable(communityId);
		return plans(jdbc.sql(SELECT + " where p.id = :p and t.community_id = :c").param("p", planId).param("c", community.id()))
				.stream().findFirst().map(Named::plan).orElseThrow(() -> UserFacingException.notFound("error.scope.not-found"));
	}

	/** A plan as shown, with the community it went to (for the order of the list). */
	private record Named(IssuedPlan plan, OrgUnit community) {}

	/**
	 * The plans a statement on {@link #SELECT} finds, with street and community names asked of the org tree in one
	 * query for all rows: the {@code org_unit} table is orgs', not ours to join.
	 */
	private List<Named> plans(JdbcClient.StatementSpec statement) {
		record Head(long id, String title, long streetId, long communityId, String category, Instant issuedAt, String issuedBy, LocalDate dateFormed,
				String documentNumber, LocalDate respondBy, long materialId, Long activityId, boolean held, int reminders, Instant lastReminder) {}
		List<Head> heads = statement.query((rs, n) -> new Head(rs.getLong("id"), rs.getString("title"), rs.getLong("street_id"),
				rs.getLong("community_id"), rs.getString("category"), rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
				rs.getObject("date_formed", LocalDate.class), rs.getString("document_number"), rs.getObject("respond_by", LocalDate.class),
				rs.getLong("material_id"), (Long) rs.getObject("activity_id", Long.class), rs.getLong("held_stages") > 0, rs.getInt("reminders"),
				rs.getTimestamp("last_reminder") == null ? null : rs.getTimestamp("last_reminder").toInstant())).list();
		Set<Long> ids = new HashSet<>();
		heads.forEach(h -> {
			ids.add(h.streetId());
			ids.add(h.communityId());
		});
		Map<Long, OrgUnit> units = orgs.units(ids);
		return heads.stream().map(h -> {
			OrgUnit street = units.get(h.streetId());
			OrgUnit community = units.get(h.communityId());
			return new Named(new IssuedPlan(h.id(), h.title(), street == null ? null : street.name(), h.communityId(),
					community == null ? null : community.name(), h.category(), h.issuedAt(), h.issuedBy(), h.dateFormed(), h.documentNumber(),
					h.respondBy(), h.materialId(), h.activityId(), h.held(), h.reminders(), h.lastReminder()), community);
		}).toList();
	}
}
