package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Star levels by accumulated confirmed hours (一星 … 五星, ascending thresholds), the working days within which an
 * activity's records must be confirmed (the rules' 10), and how often one address may self-register.
 */
@ConfigurationProperties("chuangwen.volunteers")
record VolunteerProperties(List<BigDecimal> levels, Integer confirmWithinWorkingDays, Integer selfRegistrations, Duration selfRegistrationWindow) {

	static final List<String> STARS = List.of("一星", "二星", "三星", "四星", "五星");

	VolunteerProperties {
		if (levels == null || levels.isEmpty()) {
			levels = List.of(new BigDecimal(100), new BigDecimal(300), new BigDecimal(600), new BigDecimal(1000), new BigDecimal(1500));
		}
		if (levels.size() > STARS.size()) {
			throw new IllegalArgumentException("chuangwen.volunteers.levels: at most " + STARS.size() + " thresholds");
		}
		for (int i = 1; i < levels.size(); i++) {
			if (levels.get(i).compareTo(levels.get(i - 1)) <= 0) {
				throw new IllegalArgumentException("chuangwen.volunteers.levels must ascend: " + levels);
			}
		}
		levels = List.copyOf(levels);
		if (confirmWithinWorkingDays == null) {
			confirmWithinWorkingDays = 10;
		}
		if (selfRegistrations == null) {
			selfRegistrations = 5;
		}
		if (selfRegistrationWindow == null) {
			selfRegistrationWindow = Duration.ofMinutes(10);
		}
	}

	/** The number of stars earned by {@code hours} (0 below the first threshold). */
	int stars(BigDecimal hours) {
		int stars = 0;
		for (BigDecimal threshold : levels) {
			if (hours.compareTo(threshold) >= 0) {
				stars++;
			}
		}
		return stars;
	}

	/** 一星 … 五星, or null below the first threshold. */
	String level(BigDecimal hours) {
		int stars = stars(hours);
		return stars == 0 ? null : STARS.get(stars - 1);
	}
}
