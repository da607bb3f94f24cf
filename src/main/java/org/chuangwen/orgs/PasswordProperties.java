package org.chuangwen.orgs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The password policy (等保 2.0 level 3): at least {@code minLength} characters from at least {@code minClasses}
 * of the four classes (upper case, lower case, digits, others), not containing the username, none of the account's
 * last {@code history} passwords, and changed every {@code maxAge} (zero: never expires).
 */
@ConfigurationProperties("chuangwen.accounts.password")
record PasswordProperties(Integer minLength, Integer minClasses, Integer history, Duration maxAge) {

	PasswordProperties {
		if (minLength == null || minLength < 1) {
			minLength = 8;
		}
		if (minClasses == null || minClasses < 1) {
			minClasses = 3;
		}
		minClasses = Math.min(minClasses, 4);
		if (history == null || history < 0) {
			history = 5;
		}
		if (maxAge == null || maxAge.isNegative()) {
			maxAge = Duration.ofDays(90);
		}
	}

	boolean expires() {
		return !maxAge.isZero();
	}
}
