package org.chuangwen.activities;

import java.time.Instant;
import java.time.LocalDateTime;
import org.chuangwen.platform.UserFacingException;

/**
 * When an activity takes check-ins: from {@code checkInOpensBefore} its start to {@code checkInClosesAfter} its end
 * ({@link ActivityProperties}). The one place this is computed, for a worker's list and a resident's phone alike;
 * before it opens, a phone signs up instead.
 */
record CheckInWindow(Instant opens, Instant closes) {

	static CheckInWindow of(ActivityProperties properties, Instant starts, Instant ends) {
		return new CheckInWindow(starts.minus(properties.checkInOpensBefore()), ends.plus(properties.checkInClosesAfter()));
	}

	static CheckInWindow of(ActivityProperties properties, LocalDateTime startsAt, LocalDateTime endsAt) {
		return of(properties, ActivityFields.utc(startsAt).toInstant(), ActivityFields.utc(endsAt).toInstant());
	}

	boolean notYetOpen(Instant now) {
		return now.isBefore(opens);
	}

	boolean closed(Instant now) {
		return now.isAfter(closes);
	}

	boolean contains(Instant now) {
		return !notYetOpen(now) && !closed(now);
	}

	/** 400 {@code outside_check_in_window}, naming the window in Shanghai time. */
	UserFacingException refusal() {
		return UserFacingException.badRequest("outside_check_in_window", "error.activity.window",
				ActivityDocuments.TIME.format(ActivityFields.local(opens)), ActivityDocuments.TIME.format(ActivityFields.local(closes)));
	}
}
