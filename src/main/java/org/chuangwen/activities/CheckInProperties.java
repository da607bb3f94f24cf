package org.chuangwen.activities;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the public check-in page, per {@code window}: wrong codes one address may try ({@code guesses}),
 * submissions one address may make ({@code submissions}; a community centre's Wi-Fi is one address for everyone in
 * it), and submissions one activity takes from everywhere together ({@code activitySubmissions}). An address over its
 * limit waits a window, then twice as long each time again, up to {@code maxBlock}. {@code capacity} bounds the
 * keys kept in memory.
 */
@ConfigurationProperties("chuangwen.activities.check-in")
record CheckInProperties(int guesses, int submissions, int activitySubmissions, Duration window, Duration maxBlock, int capacity) {

	CheckInProperties {
		guesses = guesses <= 0 ? 5 : guesses;
		submissions = submissions <= 0 ? 10 : submissions;
		activitySubmissions = activitySubmissions <= 0 ? 30 : activitySubmissions;
		window = window == null ? Duration.ofMinutes(1) : window;
		maxBlock = maxBlock == null ? Duration.ofHours(1) : maxBlock;
		capacity = capacity <= 0 ? 50_000 : capacity;
	}
}
