package org.chuangwen.inspection;

import java.time.Instant;
import java.util.List;

/**
 * A grade of one indicator of one community by the evaluation's state descriptions (A, B, C, C#): the inspector's,
 * or the community's own assessment ({@code SELF}). Recorded again, the newest counts and the older ones are history.
 */
record Grade(long orgUnitId, String indicatorCode, String source, String grade, String comment, String gradedBy, Instant gradedAt) {

	static final List<String> GRADES = List.of("A", "B", "C", "C#");
	static final String INSPECTOR = "INSPECTOR";
	static final String SELF = "SELF";

	/**
	 * The grade evidence completeness alone earns, for a community that graded nothing itself: every required kind
	 * present A, at least two thirds B, at least a third C, else C#.
	 */
	static String fromCompleteness(double completeness) {
		if (completeness >= 1.0) {
			return "A";
		}
		if (completeness * 3 >= 2 - 1e-9) {
			return "B";
		}
		if (completeness * 3 >= 1 - 1e-9) {
			return "C";
		}
		return "C#";
	}
}
