package org.chuangwen.readiness;

import java.util.List;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Percent;

/**
 * Readiness of a unit: per indicator, overall (the mean of indicator completeness, each box counting the same),
 * and for a unit above the community level its communities ranked best first. {@code score} is a community's
 * weighted mean of indicator scores, or the mean of its communities' scores above it; {@code streets} ranks the
 * streets of a district or city by score.
 */
record UnitReadiness(OrgUnit unit, double completeness, List<IndicatorReadiness> indicators, List<CommunityScore> communities, double score,
		String grade, List<StreetScore> streets) {

	public UnitReadiness {
		indicators = List.copyOf(indicators);
		communities = List.copyOf(communities);
		streets = List.copyOf(streets);
	}

	/** A unit scored from its indicators' scores with equal weights, ranking no streets. */
	UnitReadiness(OrgUnit unit, double completeness, List<IndicatorReadiness> indicators, List<CommunityScore> communities) {
		this(unit, completeness, indicators, communities, meanScore(indicators), Grading.ofScore(meanScore(indicators)), List.of());
	}

	private static double meanScore(List<IndicatorReadiness> indicators) {
		return indicators.stream().mapToDouble(IndicatorReadiness::score).average().orElse(0.0);
	}

	public double scoreTenth() {
		return Grading.tenth(score);
	}

	public double percent() {
		return Percent.toTenth(completeness);
	}

	public boolean aggregate() {
		return communities.size() > 1 || (communities.size() == 1 && !communities.get(0).community().id().equals(unit.id()));
	}
}
