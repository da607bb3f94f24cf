package org.chuangwen.surveys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the survey pages, per {@code window}: wrong codes one address may try on the public page ({@code guesses}),
 * responses one address may send without login ({@code submissions}), and responses one signed-in interviewer may
 * enter ({@code interviewerSubmissions}: door to door, one household after another, often over one shared Wi-Fi). An
 * address or interviewer over the limit waits a window, then twice as long each time again, up to {@code maxBlock}.
 * {@code capacity} bounds the keys kept in memory.
 */
@ConfigurationProperties("chuangwen.surveys")
record SurveyProperties(int guesses, int submissions, int interviewerSubmissions, Duration window, Duration maxBlock, int capacity) {

	SurveyProperties {
		guesses = guesses <= 0 ? 5 : guesses;
		submissions = submissions <= 0 ? 10 : submissions;
		interviewerSubmissions = interviewerSubmissions <= 0 ? 60 : interviewerSubmissions;
		window = window == null ? Duration.ofMinutes(1) : window;
		maxBlock = maxBlock == null ? Duration.ofHours(1) : maxBlock;
		capacity = capacity <= 0 ? 50_000 : capacity;
	}
}
