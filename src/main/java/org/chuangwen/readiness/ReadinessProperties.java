package org.chuangwen.readiness;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The weekly snapshot job: {@code snapshotCron} when it runs (Beijing time; Monday 01:30 by default, before anyone
 * looks at the week), {@code snapshotAccount} whose scope it covers (the system administrator, rooted at the top).
 */
@ConfigurationProperties("chuangwen.readiness")
record ReadinessProperties(String snapshotCron, String snapshotAccount) {

	ReadinessProperties {
		if (snapshotCron == null || snapshotCron.isBlank()) {
			snapshotCron = "0 30 1 * * MON";
		}
		if (snapshotAccount == null || snapshotAccount.isBlank()) {
			snapshotAccount = "admin";
		}
	}
}
