package org.chuangwen.readiness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Edition;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readiness of any unit in the caller's scope, read from the evidence counters in one query.
 *
 * <p>Completeness of a box is required kinds present / required kinds. A community's overall completeness is
 * the mean over the edition's indicators; a street's (or district's) is the mean over its communities.
 */
@Service
class Readiness {

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final Orgs orgs;
	private final DataScope scope;

	Readiness(JdbcClient jdbc, Catalog catalog, Orgs orgs, DataScope scope) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.orgs = orgs;
		this.scope = scope;
	}

	/** Readiness of {@code orgUnitId}, or of the caller's own unit when it is null; 404 outside the caller's scope. */
	@Transactional(readOnly = true)
	UnitReadiness ofUnitOrOwn(Long orgUnitId) {
		return of(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
	}

	/** Readiness of {@code orgUnitId}; 404 when the unit is outside the caller's scope. */
	@Transactional(readOnly = true)
	UnitReadiness of(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		Edition edition = catalog.active();
		List<OrgUnit> boxes = unit.kind().ordinal() <= OrgKind.COMMUNITY.ordinal() ? List.of(unit) : orgs.communitiesWithin(unit.path());
		Map<Long, Evidence> evidence = evidence(unit.path(), boxes, edition);

		List<CommunityScore> scores = new ArrayList<>();
		for (OrgUnit box : boxes) {
			Evidence e = evidence.get(box.id());
			List<Double> byIndicator = edition.indicators().stream().map(i -> i.completeness(e.kinds(i.id()))).toList();
			int complete = (int) byIndicator.stream().filter(c -> c >= 1.0).count();
			scores.add(new CommunityScore(box, 0, mean(byIndicator), complete, byIndicator));
		}
		scores.sort(Comparator.comparingDouble(CommunityScore::completeness).reversed().thenComparing(s -> s.community().sort()));
		List<CommunityScore> ranked = new ArrayList<>();
		for (int i = 0; i < scores.size(); i++) {
			CommunityScore s = scores.get(i);
			boolean tie = i > 0 && s.completeness() == ranked.get(i - 1).completeness();
			ranked.add(new CommunityScore(s.community(), tie ? ranked.get(i - 1).rank() : i + 1, s.completeness(), s.completeBoxes(), s.byIndicator()));
		}

		List<IndicatorReadiness> indicators = new ArrayList<>();
		for (Indicator indicator : edition.indicators()) {
			List<String> present = new ArrayList<>();
			List<String> missing = new ArrayList<>();
			for (String kind : indicator.evidenceKinds()) {
				boolean everywhere = !boxes.isEmpty() && boxes.stream().allMatch(b -> evidence.get(b.id()).kinds(indicator.id()).contains(kind));
				(everywhere ? present : missing).add(kind);
			}
			double completeness = mean(boxes.stream().map(b -> indicator.completeness(evidence.get(b.id()).kinds(indicator.id()))).toList());
			boolean primary = !boxes.isEmpty() && boxes.stream().allMatch(b -> evidence.get(b.id()).primary(indicator.id()));
			indicators.add(new IndicatorReadiness(indicator, present, missing, completeness, primary));
		}
		double overall = mean(scores.stream().map(CommunityScore::completeness).toList());
		return new UnitReadiness(unit, overall, indicators, ranked);
	}

	/** The kinds present per indicator for each evaluated unit, and which indicators have primary-period material. */
	private Map<Long, Evidence> evidence(String path, List<OrgUnit> boxes, Edition edition) {
		Map<String, OrgUnit> byPath = new HashMap<>();
		Map<Long, Evidence> evidence = new LinkedHashMap<>();
		for (OrgUnit box : boxes) {
			byPath.put(box.path(), box);
			evidence.put(box.id(), new Evidence(new HashMap<>(), new HashSet<>()));
		}
		jdbc.sql("""
				select org_path, indicator_id, kind, year_formed from readiness_counter
				where org_path like :path and material_count > 0""")
				.param("path", path + "%")
				.query(rs -> {
					OrgUnit box = owner(rs.getString(1), byPath);
					if (box == null) {
						return;
					}
					Evidence e = evidence.get(box.id());
					long indicatorId = rs.getLong(2);
					e.kinds().computeIfAbsent(indicatorId, k -> new HashSet<>()).add(rs.getString(3));
					if (edition.period().isPrimary(rs.getInt(4))) {
						e.primary().add(indicatorId);
					}
				});
		return evidence;
	}

	/** The evaluated unit whose subtree holds {@code path}, found by walking up the path. */
	private static OrgUnit owner(String path, Map<String, OrgUnit> byPath) {
		for (int end = path.length(); end > 1; end = path.lastIndexOf('/', end - 2) + 1) {
			OrgUnit unit = byPath.get(path.substring(0, end));
			if (unit != null) {
				return unit;
			}
		}
		return null;
	}

	private static double mean(List<Double> values) {
		return values.isEmpty() ? 0.0 : values.stream().mapToDouble(Double::doubleValue).average().orElse(0.0);
	}

	private record Evidence(Map<Long, Set<String>> byIndicator, Set<Long> primary) {

		Set<String> kinds(long indicatorId) {
			return byIndicator.getOrDefault(indicatorId, Set.of());
		}

		Map<Long, Set<String>> kinds() {
			return byIndicator;
		}

		boolean primary(long indicatorId) {
			return primary.contains(indicatorId);
		}
	}
}
