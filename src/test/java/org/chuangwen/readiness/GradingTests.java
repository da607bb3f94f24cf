package org.chuangwen.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.targets.TargetStatus;
import org.junit.jupiter.api.Test;

/** The arithmetic of scores: grades from completeness capped by targets, and the edition's weights in the overall score. */
class GradingTests {

	@Test
	void gradesFollowCompletenessAndAreCappedByTheIndicatorsTargets() {
		assertThat(Grading.grade(1.0, List.of())).isEqualTo("A");
		assertThat(Grading.grade(2.0 / 3, List.of())).isEqualTo("B");
		assertThat(Grading.grade(1.0 / 3, List.of())).isEqualTo("C");
		assertThat(Grading.grade(0.2, List.of())).isEqualTo("C#");
		assertThat(Grading.grade(1.0, List.of(target("90", true)))).isEqualTo("A");
		assertThat(Grading.grade(1.0, List.of(target(null, false)))).as("no value yet").isEqualTo("B");
		assertThat(Grading.grade(1.0, List.of(target("50", false)))).as("value below the threshold").isEqualTo("C");
		assertThat(Grading.grade(1.0, List.of(target("90", true), target("50", false)))).isEqualTo("C");
		assertThat(Grading.grade(0.0, List.of(target("90", true)))).as("a met target does not lift missing paper").isEqualTo("C#");
		assertThat(List.of("A", "B", "C", "C#")).extracting(Grading::points).containsExactly(100, 66, 33, 0);
		assertThat(Grading.ofScore(100)).isEqualTo("A");
		assertThat(Grading.ofScore(99.9)).isEqualTo("B");
		assertThat(Grading.ofScore(33)).isEqualTo("C");
		assertThat(Grading.ofScore(32.9)).isEqualTo("C#");
	}

	@Test
	void weightsFromTheEditionChangeTheOverallScore() {
		List<String> grades = List.of("A", "C#");
		assertThat(Readiness.weightedScore(List.of(indicator("Ⅲ-1", "1"), indicator("Ⅲ-2", "1")), grades)).isEqualTo(50.0);
		assertThat(Readiness.weightedScore(List.of(indicator("Ⅲ-1", "3"), indicator("Ⅲ-2", "1")), grades)).isEqualTo(75.0);
		assertThat(Readiness.weightedScore(List.of(indicator("Ⅲ-1", "1"), indicator("Ⅲ-2", "3")), grades)).isEqualTo(25.0);
	}

	private static Indicator indicator(String code, String weight) {
		return new Indicator(1, code, code, code, "指标", null, 1, List.of(), "材料", List.of("方案"), List.of(), null, new BigDecimal(weight));
	}

	private static TargetStatus target(String value, boolean met) {
		return new TargetStatus("k", "目标", "Ⅲ-1", ">=", "≥", BigDecimal.valueOf(80), "%", null, value == null ? null : new BigDecimal(value), null, met,
				null, value == null ? "not_built" : "computed", "定义", null, null, null, null, null, null);
	}
}
