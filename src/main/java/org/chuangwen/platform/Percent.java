package org.chuangwen.platform;

/** How a ratio is shown to people: a whole percentage, rounded half up, the same on every page and chart. */
public final class Percent {

	private Percent() {}

	public static long of(double ratio) {
		return Math.round(ratio * 100);
	}
}
