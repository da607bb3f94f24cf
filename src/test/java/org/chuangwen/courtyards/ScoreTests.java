package org.chuangwen.courtyards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.courtyards.Checklist.Item;
import org.chuangwen.courtyards.Checklist.Standard;
import org.chuangwen.courtyards.Marks.Mark;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.Test;

/** The arithmetic of a score and the reading of marks, without a database. */
class ScoreTests {

	private static final List<Standard> STANDARDS = List.of(
			standard("1", 6), standard("2", 1), standard("3", 6), standard("4", 1), standard("5", 1));

	@Test
	void partialCreditAddsUpBeforeRounding() {
		Map<String, Boolean> met = new HashMap<>();
		met.put("1.1", true);
		met.put("3.1", true);
		// 20 × 1/6 twice is 6.666…, rounded once at the end to 6.7 (not 3.3 + 3.3)
		assertThat(Score.total(Score.outcomes(STANDARDS, met))).isEqualByComparingTo("6.7");
		for (int i = 1; i <= 6; i++) {
			met.put("1." + i, true);
		}
		List<Score.Outcome> outcomes = Score.outcomes(STANDARDS, met);
		assertThat(outcomes.get(0).met()).isTrue();
		assertThat(outcomes.get(2).met()).isFalse();
		assertThat(Score.total(outcomes)).isEqualByComparingTo("23.3");
	}

	@Test
	void aStandardCodeMarksAllItsItemsAndLeftOutItemsAreNotMet() {
		Map<String, Marks.Resolved> marks = Marks.resolve(STANDARDS, List.of(new Mark("1", true, " 好 "), new Mark("3.2", true, null)));
		assertThat(marks).hasSize(15);
		assertThat(marks.get("1.6")).isEqualTo(new Marks.Resolved(true, "好"));
		assertThat(marks.get("3.2").met()).isTrue();
		assertThat(marks.get("3.1").met()).isFalse();
		assertThat(marks.get("5.1").met()).isFalse();
	}

	@Test
	void unknownRepeatedOrMissingCodesAreInvalidStandards() {
		for (List<Mark> bad : List.of(List.of(new Mark("7", true, null)), List.of(new Mark("1", true, null), new Mark("1.3", false, null)),
				List.<Mark>of())) {
			assertThatThrownBy(() -> Marks.resolve(STANDARDS, bad)).isInstanceOf(UserFacingException.class)
					.extracting(e -> ((UserFacingException) e).error()).isEqualTo("invalid_standard");
		}
	}

	private static Standard standard(String code, int items) {
		List<Item> list = new java.util.ArrayList<>();
		for (int i = 1; i <= items; i++) {
			list.add(new Item(code + "." + i, code, "项" + i, null));
		}
		return new Standard(code, "标准" + code, "原文", 20, list);
	}
}
