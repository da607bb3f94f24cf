package org.chuangwen.platform;

/**
 * How a ratio is shown to people, rounded half up, the same on every page and chart: a box (a few kinds) in whole
 * percent; a mean over many boxes to a tenth, so that one more piece of evidence visibly moves it.
 */
public final class Percent {

	private Percent() {}

	public static long of(double ratio) {
		return Math.round(ratio * 100);
	}

	public static double toTenth(double ratio) {
		return Math.round(ratio * 1000) / 10.0;
	}
}
