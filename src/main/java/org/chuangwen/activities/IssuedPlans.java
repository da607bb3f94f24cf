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

	private static final String SELECT = """
			select p.id, p.title, p.org_unit_id as street_id, t.community_id, k.name as category, p.issued_at, p.issued_by,
			       t.material_id, t.activity_id
			from issued_plan p join issued_plan_target t on t.plan_id = p.id
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
		// plans go to communities only: the communities in scope (one query to the org tree) are the targets to look at
		List<Long> communities = orgs.communitiesWithin(scope.path()).stream().map(OrgUnit::id).toList();
		if (communities.isEmpty()) {
			return List.of();
		}
		return plans(jdbc.sql(SELECT + " where t.community_id in (:communities) and t.activity_id is null order by p.issued_at desc")
				.param("communities", communities))
				.stream().map(Named::plan).toList();
	}

	/** Every community's state of the plans issued within the caller's scope, newest first. */
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
		record Head(long id, String title, long streetId, long communityId, String category, Instant issuedAt, String issuedBy, long materialId,
				Long activityId) {}
		List<Head> heads = statement.query((rs, n) -> new Head(rs.getLong("id"), rs.getString("title"), rs.getLong("street_id"),
				rs.getLong("community_id"), rs.getString("category"), rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
				rs.getLong("material_id"), (Long) rs.getObject("activity_id", Long.class))).list();
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
					community == null ? null : community.name(), h.category(), h.issuedAt(), h.issuedBy(), h.materialId(), h.activityId()),
					community);
		}).toList();
	}
}
