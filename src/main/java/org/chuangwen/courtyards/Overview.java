package org.chuangwen.courtyards;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.courtyards.CourtyardAwards.Award;
import org.chuangwen.courtyards.Checklist.Standard;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * The buildings of a unit at a glance: each building's last inspection (day, score, which standards it fails) and its
 * award state for a year, as a buildings × standards matrix.
 */
@Component
class Overview {

	/** AWARDED (a standing award), REVOKED (only revoked ones) or NONE for the year. */
	record Row(long buildingId, String buildingName, Long inspectionId, LocalDate inspectedOn, BigDecimal score, Map<String, Boolean> standards,
			List<String> failing, String award, LocalDate awardedOn) {}

	record Matrix(long orgUnitId, String orgUnitName, int year, List<Standard> standards, List<Row> buildings) {}

	private final Buildings buildings;
	private final BuildingInspections inspections;
	private final CourtyardAwards awards;
	private final Checklist checklist;
	private final Clock clock;
	private final DataScope scope;

	Overview(Buildings buildings, BuildingInspections inspections, CourtyardAwards awards, Checklist checklist, Clock clock, DataScope scope) {
		this.buildings = buildings;
		this.inspections = inspections;
		this.awards = awards;
		this.checklist = checklist;
		this.clock = clock;
		this.scope = scope;
	}

	/**
	 * The matrix for the buildings at or below {@code orgUnitId} (the caller's unit when null) and the award state of
	 * {@code year} (this year when null).
	 *
	 * @throws org.chuangwen.platform.UserFacingException 404 for a unit outside the caller's scope
	 */
	Matrix of(Long orgUnitId, Integer year) {
		OrgUnit unit = scope.readable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		int awardYear = year == null ? LocalDate.now(clock.withZone(Zones.SHANGHAI)).getYear() : year;
		Map<Long, OrgUnit> byId = new LinkedHashMap<>();
		buildings.within(unit.id()).forEach(b -> byId.put(b.id(), b));
		Map<Long, Inspection> latest = inspections.latest(byId, unit.path());
		Map<Long, Award> awarded = new HashMap<>();
		for (Award award : awards.ofYear(unit.path(), awardYear)) {
			Award before = awarded.get(award.buildingId());
			if (before == null || !before.standing()) {
				awarded.put(award.buildingId(), award);
			}
		}
		List<Standard> standards = checklist.standards();
		List<Row> rows = byId.values().stream().map(b -> {
			Inspection last = latest.get(b.id());
			Award award = awarded.get(b.id());
			String state = award == null ? "NONE" : award.standing() ? "AWARDED" : "REVOKED";
			Map<String, Boolean> met = new LinkedHashMap<>();
			if (last != null) {
				last.standards().forEach(o -> met.put(o.code(), o.met()));
			}
			return new Row(b.id(), b.name(), last == null ? null : last.id(), last == null ? null : last.inspectedOn(), last == null ? null : last.score(),
					met, last == null ? List.of() : last.failing(), state, award == null || !award.standing() ? null : award.awardedOn());
		}).toList();
		return new Matrix(unit.id(), unit.name(), awardYear, standards, rows);
	}
}
