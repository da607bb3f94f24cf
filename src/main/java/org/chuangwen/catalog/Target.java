package org.chuangwen.catalog;

import java.math.BigDecimal;

/**
 * A quantitative target such as 选民参选率 ≥ 80%. {@code comparator} is one of {@code >=, <=, >, <, =};
 * {@code source} is the phrase as printed.
 */
public record Target(String key, String metric, String comparator, BigDecimal threshold, String unit, String source) {

	/** The comparator as people write it: ≥, ≤, >, <, =. */
	public String symbol() {
		return switch (comparator) {
			case ">=" -> "≥";
			case "<=" -> "≤";
			default -> comparator;
		};
	}

	public boolean isMetBy(BigDecimal value) {
		int c = value.compareTo(threshold);
		return switch (comparator) {
			case ">=" -> c >= 0;
			case "<=" -> c <= 0;
			case ">" -> c > 0;
			case "<" -> c < 0;
			default -> c == 0;
		};
	}
}
