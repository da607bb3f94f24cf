package org.chuangwen.targets;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A target as it stands for one unit: the figure, whether it meets the threshold and by how much it falls short.
 *
 * @param comparator {@code >=, <=, >, <, =}; {@code symbol} is the same as people write it (≥, ≤ …)
 * @param value null when nothing is counted or declared yet
 * @param met false while there is no value
 * @param gap how far the value is from the threshold, in the target's unit (0 when met); null without a value
 * @param source {@code computed} (a measure answers it), {@code declared} (a worker's value with a material) or
 *     {@code not_built}
 * @param rows the page listing the rows behind the figure, or the supporting material for a declared value
 * @param materialId the material supporting a declared value
 */
public record TargetStatus(String key, String name, String indicatorCode, String comparator, String symbol, BigDecimal threshold, String unit,
		String period, BigDecimal value, BigDecimal lowerBound, boolean met, BigDecimal gap, String source, String definition, String basis,
		String rows, Long materialId, String declaredBy, Instant declaredAt, Plans.Provenance provenance) {

	static final String COMPUTED = "computed";
	static final String DECLARED = "declared";
	static final String NOT_BUILT = "not_built";

	public boolean notBuilt() {
		return NOT_BUILT.equals(source);
	}

	public boolean declarable() {
		return !COMPUTED.equals(source);
	}
}
