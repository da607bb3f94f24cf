package org.chuangwen.readiness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Edition;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.targets.TargetStatus;
import org.chuangwen.targets.Targets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readiness of any unit in the caller's scope, read from the evidence counters in one query.
 *
 * <p>Completeness of a box is required kinds present / required kinds. A community's overall completeness is
 * the mean over the edition's indicators; a street's (or district's) is the mean over its communities.
 *
 * <p>Scores follow {@link Grading}: each indicator of a community is graded from its completeness and the targets
 * that name it ({@link Targets}), a community's score is the weighted mean of its indicator scores (weights from the
 * edition), and a street's, district's or city's score is the mean over its communities.
 */
@Service
class Readiness {

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final Orgs orgs;
	private final DataScope scope;
	private final Targets targets;

	Readiness(JdbcClient jdbc, Catalog catalog, Orgs orgs, DataScope scope, Targets targets) {
		this.targets = targets;
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

		Map<Long, Map<String, List<TargetStatus>>> targetsByBox = new HashMap<>();
		for (OrgUnit box : boxes) {
			targetsByBox.put(box.id(), targets.of(box.id()).stream().filter(t -> t.indicatorCode() != null)
					.collect(Collectors.groupingBy(TargetStatus::indicatorCode)));
		}
		Map<Long, List<String>> grades = new HashMap<>();
		List<CommunityScore> scores = new ArrayList<>();
		for (OrgUnit box : boxes) {
			Evidence e = evidence.get(box.id());
			List<Double> byIndicator = edition.indicators().stream().map(i -> i.completeness(e.kinds(i.id()))).toList();
			List<String> boxGrades = new ArrayList<>();
			for (int i = 0; i < byIndicator.size(); i++) {
				Indicator indicator = edition.indicators().get(i);
				boxGrades.add(Grading.grade(byIndicator.get(i), targetsByBox.get(box.id()).getOrDefault(indicator.code(), List.of())));
			}
			grades.put(box.id(), boxGrades);
			int complete = (int) byIndicator.stream().filter(c -> c >= 1.0).count();
			double score = weightedScore(edition.indicators(), boxGrades);
			scores.add(new CommunityScore(box, 0, mean(byIndicator), complete, byIndicator, score, Grading.ofScore(score), 0));
		}
		List<CommunityScore> ranked = rankByScore(rankByCompleteness(scores));

		List<IndicatorReadiness> indicators = new ArrayList<>();
		for (int n = 0; n < edition.indicators().size(); n++) {
			Indicator indicator = edition.indicators().get(n);
			List<String> present = new ArrayList<>();
			List<String> missing = new ArrayList<>();
			for (String kind : indicator.evidenceKinds()) {
				boolean everywhere = !boxes.isEmpty() && boxes.stream().allMatch(b -> evidence.get(b.id()).kinds(indicator.id()).contains(kind));
				(everywhere ? present : missing).add(kind);
			}
			double completeness = mean(boxes.stream().map(b -> indicator.completeness(evidence.get(b.id()).kinds(indicator.id()))).toList());
			boolean primary = !boxes.isEmpty() && boxes.stream().allMatch(b -> evidence.get(b.id()).primary(indicator.id()));
			int index = n;
			double score = mean(boxes.stream().map(b -> (double) Grading.points(grades.get(b.id()).get(index))).toList());
			String grade = boxes.size() == 1 ? grades.get(boxes.get(0).id()).get(index) : Grading.ofScore(score);
			indicators.add(new IndicatorReadiness(indicator, present, missing, completeness, primary, score, grade));
		}
		double overall = mean(scores.stream().map(CommunityScore::completeness).toList());
		double score = mean(scores.stream().map(CommunityScore::score).toList());
		return new UnitReadiness(unit, overall, indicators, ranked, score, Grading.ofScore(score), streets(unit, scores));
	}

	/** A community's overall score: the mean of its indicator scores weighted by the edition's weights (0–100). */
	static double weightedScore(List<Indicator> indicators, List<String> grades) {
		double weights = 0;
		double sum = 0;
		for (int i = 0; i < indicators.size(); i++) {
			double weight = indicators.get(i).weight().doubleValue();
			weights += weight;
			sum += weight * Grading.points(grades.get(i));
		}
		return weights == 0 ? 0.0 : sum / weights;
	}

	private static List<CommunityScore> rankByCompleteness(List<CommunityScore> scores) {
		List<CommunityScore> sorted = new ArrayList<>(scores);
		sorted.sort(Comparator.comparingDouble(CommunityScore::completeness).reversed().thenComparing(s -> s.community().sort()));
		List<CommunityScore> ranked = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			CommunityScore s = sorted.get(i);
			boolean tie = i > 0 && s.completeness() == ranked.get(i - 1).completeness();
			ranked.add(s.ranked(tie ? ranked.get(i - 1).rank() : i + 1));
		}
		return ranked;
	}

	/** Adds each community's rank by score, keeping the order by completeness the page has always shown. */
	private static List<CommunityScore> rankByScore(List<CommunityScore> scores) {
		List<CommunityScore> byScore = new ArrayList<>(scores);
		byScore.sort(Comparator.comparingDouble(CommunityScore::score).reversed().thenComparing(s -> s.community().sort()));
		Map<Long, Integer> rank = new HashMap<>();
		for (int i = 0; i < byScore.size(); i++) {
			boolean tie = i > 0 && Math.abs(byScore.get(i).score() - byScore.get(i - 1).score()) < 1e-9;
			rank.put(byScore.get(i).community().id(), tie ? rank.get(byScore.get(i - 1).community().id()) : i + 1);
		}
		return scores.stream().map(s -> s.scoreRanked(rank.get(s.community().id()))).toList();
	}

	/** The streets of a district or city ranked by the mean score of their communities; none for lower units. */
	private List<StreetScore> streets(OrgUnit unit, List<CommunityScore> scores) {
		if (unit.kind().ordinal() <= OrgKind.STREET.ordinal()) {
			return List.of();
		}
		List<StreetScore> streets = new ArrayList<>();
		for (OrgUnit street : orgs.within(unit.path()).stream().filter(u -> u.kind() == OrgKind.STREET).toList()) {
			List<CommunityScore> own = scores.stream().filter(s -> street.contains(s.community().path())).toList();
			double score = mean(own.stream().map(CommunityScore::score).toList());
			streets.add(new StreetScore(street, 0, score, Grading.ofScore(score), own.size()));
		}
		streets.sort(Comparator.comparingDouble(StreetScore::score).reversed().thenComparing(s -> s.street().sort()));
		List<StreetScore> ranked = new ArrayList<>();
		for (int i = 0; i < streets.size(); i++) {
			StreetScore s = streets.get(i);
			boolean tie = i > 0 && Math.abs(s.score() - ranked.get(i - 1).score()) < 1e-9;
			ranked.add(new StreetScore(s.street(), tie ? ranked.get(i - 1).rank() : i + 1, s.score(), s.grade(), s.communities()));
		}
		return ranked;
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
