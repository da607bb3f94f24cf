package org.chuangwen.activities;

import java.time.Clock;
import java.time.Duration;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.Throttle;
import org.chuangwen.platform.TooManyAttempts;
import org.springframework.stereotype.Component;

/**
 * Keeps the check-in page from being an oracle or a flood gate: wrong codes and submissions per address with a
 * growing wait, and submissions per activity in a sliding window. Each block is audited once, not each refusal.
 */
@Component
class CheckInThrottle {

	private final Throttle guesses;
	private final Throttle submissions;
	private final Throttle activities;
	private final AuditLog audit;

	CheckInThrottle(CheckInProperties settings, AuditLog audit, Clock clock) {
		this.guesses = new Throttle(new Throttle.Rule(settings.guesses(), settings.window(), settings.window(), settings.maxBlock(), Duration.ZERO), clock,
				settings.capacity());
		this.submissions = new Throttle(new Throttle.Rule(settings.submissions(), settings.window(), settings.window(), settings.maxBlock(),
				Duration.ZERO), clock, settings.capacity());
		this.activities = new Throttle(new Throttle.Rule(settings.activitySubmissions(), settings.window(), Duration.ZERO, Duration.ZERO,
				Duration.ZERO), clock, settings.capacity());
		this.audit = audit;
	}

	/** Before a code is looked up: refused while the address is blocked for guessing. */
	void lookup(String address) {
		refuseIfBlocked(guesses.check(address), "address", address, null, "wrong codes", "checkin.too-many");
	}

	void wrongCode(String address) {
		guesses.record(address);
	}

	/** Before a submission is taken: counts it for the address and the activity, refused over either limit. */
	void submission(String address, Activity activity) {
		refuseIfBlocked(submissions.check(address), "address", address, null, "submissions", "checkin.too-many");
		String key = String.valueOf(activity.id());
		refuseIfBlocked(activities.check(key), "activity", key, activity.orgUnitId(), "submissions to the activity", "checkin.busy");
		submissions.record(address);
		activities.record(key);
	}

	private void refuseIfBlocked(Throttle.Verdict verdict, String objectType, String objectId, Long unitId, String what, String messageKey) {
		if (verdict.allowed()) {
			return;
		}
		if (verdict.first()) {
			audit.record("CHECK_IN_THROTTLED", objectType, objectId, unitId, "too many " + what + ", retry after " + verdict.retryAfterSeconds() + " s");
		}
		throw new TooManyAttempts(verdict, messageKey);
	}
}
