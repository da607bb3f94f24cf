package org.chuangwen.orgs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login throttling beyond the lockout of {@code chuangwen.accounts.max-failed-attempts} per account and address:
 * the wait after a first failure ({@code firstDelay}, doubling with each further one), failures one address may
 * cause across all usernames ({@code addressFailures} per {@code addressWindow}, blocked for that long and longer
 * each time up to {@code addressMaxBlock}), and failures one account may suffer from all addresses together
 * ({@code accountCeiling} per {@code accountWindow}: an alert, and only addresses where the account logged in within
 * {@code familiarFor} may still try). {@code capacity} bounds the keys kept in memory.
 */
@ConfigurationProperties("chuangwen.accounts.throttle")
record LoginThrottleProperties(Duration firstDelay, int addressFailures, Duration addressWindow, Duration addressMaxBlock, int accountCeiling,
		Duration accountWindow, Duration familiarFor, int capacity) {

	LoginThrottleProperties {
		firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
		addressFailures = addressFailures <= 0 ? 30 : addressFailures;
		addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
		addressMaxBlock = addressMaxBlock == null ? Duration.ofHours(4) : addressMaxBlock;
		accountCeiling = accountCeiling <= 0 ? 100 : accountCeiling;
		accountWindow = accountWindow == null ? Duration.ofHours(1) : accountWindow;
		familiarFor = familiarFor == null ? Duration.ofDays(30) : familiarFor;
		capacity = capacity <= 0 ? 50_000 : capacity;
	}
}
