package org.chuangwen.activities;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When self check-in opens before an activity starts and closes after it ends, and the shortest service between a
 * volunteer's check-in and check-out that is taken without a second look ({@code minimumService}; shorter is flagged
 * for a worker to check — a scan in and out at the door is not an hour of service).
 */
@ConfigurationProperties("chuangwen.activities")
record ActivityProperties(Duration checkInOpensBefore, Duration checkInClosesAfter, Duration minimumService) {

	ActivityProperties {
		if (checkInOpensBefore == null) {
			checkInOpensBefore = Duration.ofMinutes(30);
		}
		if (checkInClosesAfter == null) {
			checkInClosesAfter = Duration.ofMinutes(30);
		}
		if (minimumService == null) {
			minimumService = Duration.ofMinutes(30);
		}
	}

	/** Whether {@code minutes} of service are fewer than the minimum. */
	boolean shortService(Integer minutes) {
		return minutes != null && minutes < minimumService.toMinutes();
	}
}
