package org.chuangwen.readiness;

import java.util.List;
import org.chuangwen.targets.TargetStatus;

/**
 * The evaluation's state descriptions as numbers: grade A earns 100% of an indicator, B 66%, C 33%, C# nothing.
 *
 * <p>An indicator's grade starts from its evidence completeness (every required kind present A, at least two thirds
 * B, at least a third C, else C# — the same steps as the inspector's self-grade) and is then capped by the indicator's
 * targets: a target whose value is not met caps it at C, a target without a value yet (nothing counted, declared or
 * built) caps it at B. So an indicator with targets is A only when its kinds are complete and every target is met.
 * A score that is a mean (a weighted mean over indicators, a mean over communities) gets the best grade whose points
 * it reaches: A only at 100.
 */
final class Grading {

	static final String A = "A";
	static final String B = "B";
	static final String C = "C";
	static final String C_SHARP = "C#";
	private static final List<String> ORDER = List.of(A, B, C, C_SHARP);
	private static final double EPSILON = 1e-9;

	private Grading() {}

	static String fromCompleteness(double completeness) {
		if (completeness >= 1.0 - EPSILON) {
			return A;
		}
		if (completeness * 3 >= 2 - EPSILON) {
			return B;
		}
		if (completeness * 3 >= 1 - EPSILON) {
			return C;
		}
		return C_SHARP;
	}

	/** The grade of one indicator of one community from its completeness and the targets that name it. */
	static String grade(double completeness, List<TargetStatus> targets) {
		String grade = fromCompleteness(completeness);
		for (TargetStatus target : targets) {
			if (target.value() == null) {
				grade = worse(grade, B);
			} else if (!target.met()) {
				grade = worse(grade, C);
			}
		}
		return grade;
	}

	static int points(String grade) {
		return switch (grade) {
			case A -> 100;
			case B -> 66;
			case C -> 33;
			default -> 0;
		};
	}

	/** The best grade whose points {@code score} reaches. */
	static String ofScore(double score) {
		for (String grade : ORDER) {
			if (score >= points(grade) - EPSILON) {
				return grade;
			}
		}
		return C_SHARP;
	}

	/** Rounded to a tenth, as pages and the API show scores. */
	static double tenth(double score) {
		return Math.round(score * 10) / 10.0;
	}

	private static String worse(String a, String b) {
		return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
	}
}
