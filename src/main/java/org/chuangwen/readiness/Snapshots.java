package org.chuangwen.readiness;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.CurrentUser;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.orgs.Role;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly snapshots of every community's score, grade and completeness, one per ISO week (Beijing time, from the
 * injected clock). Taking a week again changes nothing: the first row of a week stays ({@code on conflict do nothing}),
 * so the weekly job and an on-demand call in the same week agree, and concurrent takers never collide.
 */
@Component
class Snapshots {

	/** How many weeks a trend shows, the current one included. */
	static final int TREND_WEEKS = 8;

	private final Readiness readiness;
	private final JdbcClient jdbc;
	private final DataScope scope;
	private final Orgs orgs;
	private final AuditLog audit;
	private final Clock clock;

	Snapshots(Readiness readiness, JdbcClient jdbc, DataScope scope, Orgs orgs, AuditLog audit, Clock clock) {
		this.readiness = readiness;
		this.jdbc = jdbc;
		this.scope = scope;
		this.orgs = orgs;
		this.audit = audit;
		this.clock = clock;
	}

	record Taken(String week, int taken, int alreadyTaken) {}

	record Point(String week, LocalDate weekStart, Double score, String grade, Double completeness) {}

	record Trend(OrgUnit community, List<Point> points) {}

	/**
	 * Snapshots this week's readiness of every community under {@code orgUnitId} (the caller's own unit when null).
	 *
	 * @throws UserFacingException 404 outside the caller's scope; 403 for a role other than a street office or the
	 *     system administrator
	 */
	@Transactional
	Taken take(Long orgUnitId) {
		CurrentUser me = scope.user();
		OrgUnit unit = scope.readable(orgUnitId == null ? me.orgUnitId() : orgUnitId);
		if (!me.has(Role.STREET) && !me.has(Role.ADMIN)) {
			audit.record("DENIED", "org_unit", unit.id(), unit.id(), "readiness snapshot by a role that may not take one");
			throw UserFacingException.forbidden("error.readiness.snapshot-forbidden");
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		String week = week(today);
		LocalDate start = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		UnitReadiness r = readiness.of(unit.id());
		int taken = 0;
		for (CommunityScore s : r.communities()) {
			taken += jdbc.sql("""
					insert into readiness_snapshot (org_unit_id, org_path, iso_week, week_start, score, grade, completeness, taken_at, taken_by)
					values (:unit, :path, :week, :start, :score, :grade, :completeness, :at, :by)
					on conflict do nothing""")
					.param("unit", s.community().id()).param("path", s.community().path()).param("week", week).param("start", Date.valueOf(start))
					.param("score", BigDecimal.valueOf(Grading.tenth(s.score()))).param("grade", s.grade())
					.param("completeness", BigDecimal.valueOf(s.completeness()).setScale(6, RoundingMode.HALF_UP))
					.param("at", Timestamp.from(clock.instant())).param("by", me.username())
					.update();
		}
		if (taken > 0) {
			audit.record("READINESS_SNAPSHOT", "org_unit", unit.id(), unit.id(), week + ": " + taken + " communities");
		}
		return new Taken(week, taken, r.communities().size() - taken);
	}

	/**
	 * Each community's snapshots under {@code orgUnitId} over the last {@link #TREND_WEEKS} ISO weeks, oldest first; a
	 * week without a snapshot is a point without a score.
	 *
	 * @throws UserFacingException 404 outside the caller's scope
	 */
	@Transactional(readOnly = true)
	List<Trend> trend(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		List<OrgUnit> communities = unit.kind() == OrgKind.COMMUNITY ? List.of(unit) : orgs.communitiesWithin(unit.path());
		LocalDate thisWeek = LocalDate.now(clock.withZone(Zones.SHANGHAI)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate first = thisWeek.minusWeeks(TREND_WEEKS - 1);
		Map<Long, Map<String, Point>> rows = new HashMap<>();
		jdbc.sql("""
				select org_unit_id, iso_week, week_start, score, grade, completeness from readiness_snapshot
				where org_path like :path and week_start >= :first""")
				.param("path", unit.path() + "%").param("first", Date.valueOf(first))
				.query(rs -> {
					rows.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), new Point(rs.getString(2),
							rs.getDate(3).toLocalDate(), rs.getBigDecimal(4).doubleValue(), rs.getString(5), rs.getBigDecimal(6).doubleValue()));
				});
		List<Trend> trends = new ArrayList<>();
		for (OrgUnit community : communities) {
			List<Point> points = new ArrayList<>();
			for (int i = 0; i < TREND_WEEKS; i++) {
				LocalDate start = first.plusWeeks(i);
				String week = week(start);
				points.add(rows.getOrDefault(community.id(), Map.of()).getOrDefault(week, new Point(week, start, null, null, null)));
			}
			trends.add(new Trend(community, points));
		}
		return trends;
	}

	/** The ISO week of a day, as {@code 2026-W48}. */
	static String week(LocalDate day) {
		return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}
}
