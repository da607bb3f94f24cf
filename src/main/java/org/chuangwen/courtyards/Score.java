package org.chuangwen.courtyards;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chuangwen.courtyards.Checklist.Item;
import org.chuangwen.courtyards.Checklist.Standard;

/**
 * The arithmetic of an inspection: each standard earns its weight × met items / items (partial credit), the score is
 * their sum rounded half up to one decimal (0–100), and a standard is met only when every one of its items is.
 */
final class Score {

	/** A standard's outcome in one inspection. */
	record Outcome(String code, String title, int weight, int items, int metItems, BigDecimal points, boolean met) {}

	private Score() {}

	/** The outcome of every standard for the items marked met ({@code met} maps item code → met; absent is not met). */
	static List<Outcome> outcomes(List<Standard> standards, Map<String, Boolean> met) {
		List<Outcome> outcomes = new ArrayList<>();
		for (Standard standard : standards) {
			int metItems = (int) standard.items().stream().map(Item::code).filter(code -> Boolean.TRUE.equals(met.get(code))).count();
			int items = standard.items().size();
			// kept exact to four places so that six sixths add up to the whole weight before the total is rounded
			BigDecimal points = items == 0 ? BigDecimal.ZERO
					: BigDecimal.valueOf((long) standard.weight() * metItems).divide(BigDecimal.valueOf(items), 4, RoundingMode.HALF_UP);
			outcomes.add(new Outcome(standard.code(), standard.title(), standard.weight(), items, metItems, points, metItems == items));
		}
		return outcomes;
	}

	/** The score out of 100 (the sum of the weights), to one decimal. */
	static BigDecimal total(List<Outcome> outcomes) {
		return outcomes.stream().map(Outcome::points).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(1, RoundingMode.HALF_UP);
	}
}
