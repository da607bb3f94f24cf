package org.chuangwen.readiness;

import java.util.List;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.platform.Percent;

/**
 * One indicator's evidence for a unit. For a community: the kinds present and missing in its box. For a street
 * or above: {@code presentKinds} are present in every community, {@code missingKinds} missing in at least one,
 * and {@code completeness} is the mean over its communities.
 */
public record IndicatorReadiness(Indicator indicator, List<String> presentKinds, List<String> missingKinds, double completeness,
		boolean primaryPeriodCovered) {

	public IndicatorReadiness {
		presentKinds = List.copyOf(presentKinds);
		missingKinds = List.copyOf(missingKinds);
	}

	public long percent() {
		return Percent.of(completeness);
	}
}
