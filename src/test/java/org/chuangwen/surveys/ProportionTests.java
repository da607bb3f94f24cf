package org.chuangwen.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * The 95% Wilson score interval against published values (Newcombe 1998, Table I; Brown, Cai and DasGupta 2001), its
 * edges, the grades and the sample-size planner.
 */
class ProportionTests {

	@Test
	void wilsonIntervalMatchesPublishedValues() {
		assertInterval(new Proportion(8, 10), "0.490", "0.943");
		// Newcombe (1998), Table I: 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611; 1/29 → 0.0061–0.1718
		assertInterval(new Proportion(81, 263), "0.255", "0.366");
		assertInterval(new Proportion(15, 148), "0.062", "0.161");
		assertInterval(new Proportion(0, 20), "0.000", "0.161");
		assertInterval(new Proportion(1, 29), "0.006", "0.172");
	}

	@Test
	void edgesStayInsideZeroToOne() {
		Proportion none = new Proportion(0, 10);
		assertThat(none.rate()).isEqualByComparingTo("0");
		assertThat(none.ciLow()).isEqualByComparingTo("0");
		assertThat(none.ciHigh()).isEqualByComparingTo("0.2775");
		Proportion all = new Proportion(10, 10);
		assertThat(all.rate()).isEqualByComparingTo("1");
		assertThat(all.ciHigh()).isEqualByComparingTo("1");
		assertThat(all.ciLow()).isEqualByComparingTo("0.7225");
		Proportion one = new Proportion(1, 1);
		assertThat(one.ciLow()).isEqualByComparingTo("0.2065");
		assertThat(one.ciHigh()).isEqualByComparingTo("1");
		Proportion nothing = new Proportion(0, 0);
		assertThat(nothing.rate()).isNull();
		assertThat(nothing.ciLow()).isNull();
		assertThat(nothing.grade()).isNull();
	}

	@Test
	void gradesFollowTheEvaluationsStateDescription() {
		assertThat(new Proportion(95, 100).grade()).isEqualTo("A");
		assertThat(new Proportion(94, 100).grade()).isEqualTo("B");
		assertThat(new Proportion(80, 100).grade()).isEqualTo("B");
		assertThat(new Proportion(79, 100).grade()).isEqualTo("C");
		assertThat(new Proportion(70, 100).grade()).isEqualTo("C");
		assertThat(new Proportion(69, 100).grade()).isEqualTo("C#");
		// 19/20 is exactly 95%: compared exactly, not through a rounded double
		assertThat(new Proportion(19, 20).grade()).isEqualTo("A");
	}

	@Test
	void sampleSizeForFiveAndThreePercent() {
		// the textbook figures: 385 for ±5%, 1,068 for ±3% at p = 0.5
		assertThat(Proportion.sampleSize(0.5, 0.05, 0)).isEqualTo(385);
		assertThat(Proportion.sampleSize(0.5, 0.03, 0)).isEqualTo(1068);
		// a community of 2,000 residents: 385 / (1 + 384/2000) → 323
		assertThat(Proportion.sampleSize(0.5, 0.05, 2000)).isEqualTo(323);
		// p = 0.8 needs fewer: 1.96²·0.16/0.0025 → 246
		assertThat(Proportion.sampleSize(0.8, 0.05, 0)).isEqualTo(246);
	}

	private static void assertInterval(Proportion p, String low, String high) {
		assertThat(p.ciLow().setScale(3, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(new BigDecimal(low));
		assertThat(p.ciHigh().setScale(3, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(new BigDecimal(high));
	}
}
