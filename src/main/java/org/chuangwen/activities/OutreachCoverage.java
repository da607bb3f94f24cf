package org.chuangwen.activities;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Target;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Percent;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The seed's "科教、文体、法律、卫生、环保进社区活动覆盖率达80%以上" for a community and a period, defined as: the share
 * of the community's buildings (楼院) reached by at least one held activity of the five 进社区 categories — an activity
 * reaches the buildings ticked on it, or the building it was held in. Beside it: which of the five kinds were held at
 * all. An activity counts as held once it has started.
 */
@Service
class OutreachCoverage {

	static final List<String> KINDS = List.of("科教", "文体", "法律", "卫生", "环保");

	/** An activity behind a number. */
	record ActivityRef(long id, String title, LocalDate date, String outreach) {}

	record KindHeld(String kind, List<ActivityRef> activities) {

		public boolean held() {
			return !activities.isEmpty();
		}
	}

	record BuildingReach(OrgUnit building, List<ActivityRef> activities) {

		public boolean reached() {
			return !activities.isEmpty();
		}
	}

	record Result(OrgUnit community, LocalDate from, LocalDate to, List<KindHeld> kinds, List<BuildingReach> buildings, Target target) {

		public long reached() {
			return buildings.stream().filter(BuildingReach::reached).count();
		}

		/** Reached buildings / buildings; 0 for a community without buildings. */
		public double coverage() {
			return buildings.isEmpty() ? 0.0 : (double) reached() / buildings.size();
		}

		public double percent() {
			return Percent.toTenth(coverage());
		}

		public long kindsHeld() {
			return kinds.stream().filter(KindHeld::held).count();
		}

		public boolean met() {
			return target != null && target.isMetBy(BigDecimal.valueOf(coverage() * 100));
		}
	}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final Orgs orgs;
	private final Catalog catalog;
	private final Clock clock;

	OutreachCoverage(JdbcClient jdbc, DataScope scope, Orgs orgs, Catalog catalog, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.orgs = orgs;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** The communities in the caller's scope, to choose one from. */
	List<OrgUnit> communities() {
		return orgs.within(scope.path()).stream().filter(u -> u.kind() == OrgKind.COMMUNITY).toList();
	}

	/**
	 * Coverage as the page first shows it: of {@code communityId}, else the caller's own community, else the first in
	 * scope; from {@code from}, else 1 January of the end's year; to {@code to}, else today.
	 *
	 * @throws UserFacingException 400 {@code not_a_community} when the caller's scope holds no community
	 */
	Result forCaller(Long communityId, LocalDate from, LocalDate to) {
		List<OrgUnit> communities = communities();
		if (communities.isEmpty()) {
			throw UserFacingException.badRequest("not_a_community", "error.activity.no-community");
		}
		long unit = communityId != null ? communityId
				: orgs.find(scope.user().orgUnitId()).flatMap(orgs::communityOf).map(OrgUnit::id).orElse(communities.get(0).id());
		LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ActivityFields.SHANGHAI));
		return of(unit, from != null ? from : end.withDayOfYear(1), end);
	}

	/** Coverage of a community in [from, to] (local dates, both included). */
	Result of(long communityId, LocalDate from, LocalDate to) {
		OrgUnit community = scope.readable(communityId);
		if (community.kind() != OrgKind.COMMUNITY) {
			throw UserFacingException.badRequest("not_a_community", "error.activity.community", community.name());
		}
		Instant now = Instant.now(clock);
		Instant start = ActivityFields.utc(from.atStartOfDay()).toInstant();
		Instant end = ActivityFields.utc(to.plusDays(1).atStartOfDay()).toInstant();
		Instant until = end.isBefore(now) ? end : now;
		record Held(ActivityRef activity, Long building) {}
		List<Held> held = jdbc.sql("""
				select a.id, a.title, a.starts_at, k.outreach, b.org_unit_id as building
				from activity a join activity_category k on k.id = a.category_id
				left join activity_building b on b.activity_id = a.id
				where a.org_path like :path and k.outreach is not null and a.starts_at >= :start and a.starts_at < :until
				order by a.starts_at, a.id""")
				.param("path", community.path() + "%")
				.param("start", java.sql.Timestamp.from(start))
				.param("until", java.sql.Timestamp.from(until))
				.query((rs, n) -> new Held(new ActivityRef(rs.getLong("id"), rs.getString("title"),
						ActivityFields.local(rs.getTimestamp("starts_at").toInstant()).toLocalDate(), rs.getString("outreach")),
						(Long) rs.getObject("building", Long.class)))
				.list();
		List<KindHeld> kinds = new ArrayList<>();
		for (String kind : KINDS) {
			kinds.add(new KindHeld(kind, held.stream().map(Held::activity).filter(a -> a.outreach().equals(kind)).distinct().toList()));
		}
		Map<Long, List<ActivityRef>> byBuilding = new LinkedHashMap<>();
		held.stream().filter(h -> h.building() != null)
				.forEach(h -> byBuilding.computeIfAbsent(h.building(), b -> new ArrayList<>()).add(h.activity()));
		List<BuildingReach> buildings = orgs.within(community.path()).stream()
				.filter(u -> u.kind() == OrgKind.BUILDING)
				.map(b -> new BuildingReach(b, byBuilding.getOrDefault(b.id(), List.of()).stream().distinct().toList()))
				.toList();
		return new Result(community, from, to, kinds, buildings, target().orElse(null));
	}

	private Optional<Target> target() {
		return catalog.indicators().stream().flatMap(i -> i.targets().stream()).filter(t -> t.key().equals("jinshequ-coverage")).findFirst();
	}
}
