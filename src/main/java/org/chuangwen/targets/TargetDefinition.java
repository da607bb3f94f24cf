package org.chuangwen.targets;

import org.chuangwen.catalog.Target;

/**
 * One target of the registry: from the catalog edition (with its indicator) or from a plan. {@code measureKey} names the
 * {@link Measure} that answers it; several targets may share one measure with different thresholds (参选率 ≥80% in the
 * catalog, ≥90% in the 十二五 plan).
 *
 * @param indicatorCode the indicator the target belongs to, null for a plan's target
 * @param definition how a declared value is meant, null where the measure or the metric says it
 */
record TargetDefinition(String key, String measureKey, String indicatorCode, Target target, String period, String definition,
		Plans.Provenance provenance) {

	public String name() {
		return target.metric();
	}
}
