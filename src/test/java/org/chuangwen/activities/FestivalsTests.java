package org.chuangwen.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FestivalsTests {

	private final Festivals festivals = new Festivals();

	@Test
	void computesTheLunarFestivalsAndTheFixedDaysOf2026() {
		Map<String, LocalDate> days = festivals.of(2026).stream().collect(Collectors.toMap(Festivals.Festival::name, Festivals.Festival::date));
		assertThat(days).containsEntry("春节", LocalDate.of(2026, 2, 17))
				.containsEntry("除夕", LocalDate.of(2026, 2, 16))
				.containsEntry("元宵节", LocalDate.of(2026, 3, 3))
				.containsEntry("清明节", LocalDate.of(2026, 4, 5))
				.containsEntry("端午节", LocalDate.of(2026, 6, 19))
				.containsEntry("七夕节", LocalDate.of(2026, 8, 19))
				.containsEntry("中秋节", LocalDate.of(2026, 9, 25))
				.containsEntry("重阳节", LocalDate.of(2026, 10, 18))
				.containsEntry("元旦", LocalDate.of(2026, 1, 1))
				.containsEntry("学雷锋日", LocalDate.of(2026, 3, 5))
				.containsEntry("建党节(七一)", LocalDate.of(2026, 7, 1))
				.containsEntry("建军节(八一)", LocalDate.of(2026, 8, 1))
				.containsEntry("国庆节", LocalDate.of(2026, 10, 1))
				.containsEntry("国际志愿者日", LocalDate.of(2026, 12, 5));
		assertThat(festivals.of(2026)).extracting(Festivals.Festival::date).isSorted();
	}

	@Test
	void theEvidenceYearsOfTheSeedToo() {
		assertThat(festivals.find(2010, "中秋节")).get().extracting(Festivals.Festival::date).isEqualTo(LocalDate.of(2010, 9, 22));
		assertThat(festivals.find(2010, "春节")).get().extracting(Festivals.Festival::date).isEqualTo(LocalDate.of(2010, 2, 14));
		assertThat(festivals.find(2009, "端午节")).get().extracting(Festivals.Festival::date).isEqualTo(LocalDate.of(2009, 5, 28));
		assertThat(festivals.find(2026, "中秋节")).get().extracting(Festivals.Festival::category).isEqualTo("我们的节日");
		assertThat(festivals.find(2026, "学雷锋日")).get().extracting(Festivals.Festival::category).isEqualTo("志愿服务");
	}
}
