package org.chuangwen.activities;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** When self check-in opens before an activity starts and closes after it ends. */
@ConfigurationProperties("chuangwen.activities")
record ActivityProperties(Duration checkInOpensBefore, Duration checkInClosesAfter) {

	ActivityProperties {
		if (checkInOpensBefore == null) {
			checkInOpensBefore = Duration.ofMinutes(30);
		}
		if (checkInClosesAfter == null) {
			checkInClosesAfter = Duration.ofMinutes(30);
		}
	}
}
