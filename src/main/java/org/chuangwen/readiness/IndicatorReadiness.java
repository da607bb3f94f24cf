package org.chuangwen.readiness;

import java.util.List;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.platform.Percent;

/**
 * One indicator's evidence for a unit. For a community: the kinds present and missing in its box. For a street
 * or above: {@code presentKinds} are present in every community, {@code missingKinds} missing in at least one,
 * and {@code completeness} is the mean over its communities. {@code score} (0–100) is the points of the community's
 * grade ({@link Grading}), for a unit above it the mean over its communities, and {@code grade} the grade that reaches.
 */
record IndicatorReadiness(Indicator indicator, List<String> presentKinds, List<String> missingKinds, double completeness,
		boolean primaryPeriodCovered, double score, String grade) {

	public IndicatorReadiness {
		presentKinds = List.copyOf(presentKinds);
		missingKinds = List.copyOf(missingKinds);
	}

	/** An indicator graded by its completeness alone (no targets considered). */
	IndicatorReadiness(Indicator indicator, List<String> presentKinds, List<String> missingKinds, double completeness, boolean primaryPeriodCovered) {
		this(indicator, presentKinds, missingKinds, completeness, primaryPeriodCovered, Grading.points(Grading.fromCompleteness(completeness)),
				Grading.fromCompleteness(completeness));
	}

	/** Whole percent for one community's box; to a tenth for a mean over several communities. */
	public Number percent(boolean mean) {
		if (mean) {
			return Percent.toTenth(completeness);
		}
		return Percent.of(completeness);
	}
}
