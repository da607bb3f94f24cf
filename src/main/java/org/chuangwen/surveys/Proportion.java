package org.chuangwen.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A share estimated from a sample: {@code aware} of {@code n} answers, with its 95% Wilson score interval and the
 * evaluation's grade. Wilson rather than the textbook "p ± 1.96·SE" because community samples are small and rates sit
 * near 100%, where the textbook interval leaves [0, 1] or collapses to a point (10 of 10 would be "100% ± 0").
 */
record Proportion(long aware, long n) {

	/** The normal quantile for a two-sided 95% interval. */
	static final double Z95 = 1.959963984540054;

	Proportion {
		if (n < 0 || aware < 0 || aware > n) {
			throw new IllegalArgumentException(aware + " of " + n);
		}
	}

	boolean empty() {
		return n == 0;
	}

	/** aware ÷ n, to 4 decimals; null without answers. */
	BigDecimal rate() {
		return empty() ? null : round((double) aware / n);
	}

	BigDecimal ciLow() {
		return empty() ? null : round(aware == 0 ? 0 : wilson(-1));
	}

	BigDecimal ciHigh() {
		return empty() ? null : round(aware == n ? 1 : wilson(1));
	}

	/** The rate in per cent, unrounded (to 10 decimals, truncated), for comparing with a threshold. */
	BigDecimal percentExact() {
		return BigDecimal.valueOf(aware * 100).divide(BigDecimal.valueOf(n), 10, RoundingMode.DOWN);
	}

	/** The interval's lower end in per cent, unrounded, for comparing with a threshold. */
	BigDecimal lowPercentExact() {
		return aware == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(wilson(-1) * 100).setScale(10, RoundingMode.DOWN);
	}

	/** 知晓率 ≥95% A, ≥80% B, ≥70% C, below C#; null without answers. Compared exactly, never through a rounded rate. */
	String grade() {
		if (empty()) {
			return null;
		}
		if (aware * 100 >= 95 * n) {
			return "A";
		}
		if (aware * 100 >= 80 * n) {
			return "B";
		}
		return aware * 100 >= 70 * n ? "C" : "C#";
	}

	/** The Wilson bound on the side of {@code sign} (-1 lower, +1 upper), kept inside [0, 1]. */
	private double wilson(int sign) {
		double p = (double) aware / n;
		double z2 = Z95 * Z95;
		double denominator = 1 + z2 / n;
		double centre = p + z2 / (2.0 * n);
		double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
		return Math.min(1, Math.max(0, (centre + sign * half) / denominator));
	}

	private static BigDecimal round(double value) {
		return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
	}

	/**
	 * Answers needed for a margin of ±{@code margin} at 95%: n₀ = z²·p(1−p)/e², with the finite-population correction
	 * n = n₀ / (1 + (n₀ − 1)/N) when the population {@code population} is known (0 or less: unknown), rounded up.
	 */
	static long sampleSize(double p, double margin, long population) {
		double n0 = Z95 * Z95 * p * (1 - p) / (margin * margin);
		double n = population > 0 ? n0 / (1 + (n0 - 1) / population) : n0;
		return (long) Math.ceil(n - 1e-9);
	}
}
