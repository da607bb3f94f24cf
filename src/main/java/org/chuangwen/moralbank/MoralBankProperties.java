package org.chuangwen.moralbank;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many points one confirmed volunteer hour deposits (default 10). */
@ConfigurationProperties("chuangwen.moral-bank")
record MoralBankProperties(Integer pointsPerHour) {

	MoralBankProperties {
		if (pointsPerHour == null) {
			pointsPerHour = 10;
		}
		if (pointsPerHour < 0) {
			throw new IllegalArgumentException("chuangwen.moral-bank.points-per-hour must not be negative");
		}
	}
}
