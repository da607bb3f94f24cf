package org.chuangwen.orgs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account rules, and the first administrator of a fresh production database: with no accounts and no demo
 * data, the platform creates {@code admin} rooted at a new unit named {@code admin.orgName}.
 */
@ConfigurationProperties("chuangwen.accounts")
record AccountProperties(int maxFailedAttempts, Duration lockFor, Admin admin) {

	AccountProperties {
		if (maxFailedAttempts <= 0) {
			maxFailedAttempts = 5;
		}
		if (lockFor == null) {
			lockFor = Duration.ofMinutes(15);
		}
		if (admin == null) {
			admin = new Admin(null, null, null);
		}
	}

	record Admin(String username, String password, String orgName) {}
}
