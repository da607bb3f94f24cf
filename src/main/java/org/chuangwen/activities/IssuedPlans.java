package org.chuangwen.activities;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

	private static final String SELECT = """
			select p.id, p.title, s.name as street, t.community_id, c.name as community, k.name as category, p.issued_at, p.issued_by,
			       t.material_id, t.activity_id
			from issued_plan p join issued_plan_target t on t.plan_id = p.id
			join org_unit s on s.id = p.org_unit_id join org_unit c on c.id = t.community_id
			left join activity_category k on k.id = p.category_id""";

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
	long issue(long streetId, String title, String categoryName, List<Long> communityIds, List<String> indicatorCodes, List<Upload> files) {
		OrgUnit street = scope.writable(streetId);
		if (street.kind() != OrgKind.STREET && street.kind() != OrgKind.DISTRICT) {
			throw UserFacingException.badRequest("not_a_street", "error.plan.street", street.name());
		}
		if (title == null || title.isBlank() || title.strip().length() > 200) {
			throw UserFacingException.badRequest("invalid_title", "error.material.title", 200);
		}
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
		jdbc.sql("insert into issued_plan (org_unit_id, org_path, title, category_id, issued_by, issued_at) values (:u, :p, :t, :c, :by, :at)")
				.param("u", street.id()).param("p", street.path()).param("t", title.strip()).param("c", category == null ? null : category.id())
				.param("by", scope.user().username()).param("at", Timestamp.from(Instant.now(clock))).update(key, "id");
		long planId = key.getKey().longValue();
		LocalDate today = LocalDate.now(clock.withZone(ActivityFields.SHANGHAI));
		for (OrgUnit community : communities) {
			MaterialDetails filed = evidence.file(new NewMaterial(community.id(), "街道下发的方案", title.strip(), today, street.name(), codes), files);
			jdbc.sql("insert into issued_plan_target (plan_id, community_id, material_id) values (:p, :c, :m)")
					.param("p", planId).param("c", community.id()).param("m", filed.id()).update();
		}
		audit.record("PLAN_ISSUED", "issued_plan", planId, street.id(), communities.size() + " communities: " + title.strip());
		return planId;
	}

	/** Plans issued to communities in the caller's scope that no activity answers yet. */
	List<IssuedPlan> awaiting() {
		return jdbc.sql(SELECT + " join org_unit cu on cu.id = t.community_id where cu.path like :path and t.activity_id is null order by p.issued_at desc")
				.param("path", scope.path() + "%")
				.query(IssuedPlans::plan)
				.list();
	}

	/** Every community's state of the plans issued within the caller's scope, newest first. */
	List<IssuedPlan> issued() {
		return jdbc.sql(SELECT + " where p.org_path like :path order by p.issued_at desc, c.sort, c.id")
				.param("path", scope.path() + "%")
				.query(IssuedPlans::plan)
				.list();
	}

	/** {@link #issued()} by plan, newest plan first, each with its communities in the tree's order. */
	Map<Long, List<IssuedPlan>> issuedByPlan() {
		return issued().stream().collect(Collectors.groupingBy(IssuedPlan::id, LinkedHashMap::new, Collectors.toList()));
	}

	/** One community's copy of an issued plan, in the caller's scope. */
	IssuedPlan forCommunity(long planId, long communityId) {
		OrgUnit community = scope.readable(communityId);
		return jdbc.sql(SELECT + " where p.id = :p and t.community_id = :c").param("p", planId).param("c", community.id())
				.query(IssuedPlans::plan).optional().orElseThrow(() -> UserFacingException.notFound("error.scope.not-found"));
	}

	private static IssuedPlan plan(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new IssuedPlan(rs.getLong("id"), rs.getString("title"), rs.getString("street"), rs.getLong("community_id"),
				rs.getString("community"), rs.getString("category"), rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
				rs.getLong("material_id"), (Long) rs.getObject("activity_id", Long.class));
	}
}
