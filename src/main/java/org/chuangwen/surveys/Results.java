package org.chuangwen.surveys;

import java.math.BigDecimal;
import java.util.List;

/**
 * A survey's results: per question the answers {@code n}, the aware ones, the rate (0–1) with its 95% Wilson interval
 * and grade (null for a question without aware options, and while nobody answered); the overall awareness over the
 * questions that have aware options; the target the survey measures, if any; the sample-size planner.
 */
record Results(long surveyId, String title, long responses, List<QuestionResult> questions, Rate overall, Target target, Planner planner) {

	record QuestionResult(int seq, String text, String type, long n, Long aware, BigDecimal rate, BigDecimal ciLow, BigDecimal ciHigh, String grade) {

		static QuestionResult of(Survey.Question q, long n, long aware) {
			if (!q.measuresAwareness()) {
				return new QuestionResult(q.seq(), q.text(), q.kind().json(), n, null, null, null, null, null);
			}
			Proportion p = new Proportion(aware, n);
			return new QuestionResult(q.seq(), q.text(), q.kind().json(), n, aware, p.rate(), p.ciLow(), p.ciHigh(), p.grade());
		}

		/** The rate as people read it (80.0%); empty without one. */
		public String shownRate() {
			return shown(rate);
		}

		/** The interval as people read it (49.0% – 94.3%); empty without one. */
		public String shownInterval() {
			return interval(ciLow, ciHigh);
		}
	}

	record Rate(long n, long aware, BigDecimal rate, BigDecimal ciLow, BigDecimal ciHigh, String grade) {

		static Rate of(Proportion p) {
			return new Rate(p.n(), p.aware(), p.rate(), p.ciLow(), p.ciHigh(), p.grade());
		}

		public String shownRate() {
			return shown(rate);
		}

		public String shownLow() {
			return shown(ciLow);
		}

		public String shownHigh() {
			return shown(ciHigh);
		}
	}

	/** A share 0–1 in per cent to a tenth, rounded half up like every other percentage of the platform. */
	static String shown(BigDecimal share) {
		return share == null ? "" : share.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
	}

	static String interval(BigDecimal low, BigDecimal high) {
		return low == null ? "" : shown(low) + " – " + shown(high);
	}

	/**
	 * The catalog's target for the survey's key: whether the estimate meets it, and separately whether the lower end of
	 * the interval does (the estimate may be met by chance of the sample; the lower bound is met with 95% confidence).
	 */
	record Target(String key, String metric, String symbol, BigDecimal threshold, String unit, Boolean estimateMet, Boolean lowerBoundMet) {}

	/**
	 * Answers needed for ±5% and ±3% at 95%, with the share {@code p} they were computed for and the population
	 * (residents of the unit; null when the roster is empty) the finite-population correction used.
	 */
	record Planner(BigDecimal p, boolean pFromData, Long population, long forFivePercent, long forThreePercent, long answers) {}
}
