package org.chuangwen.surveys;

import java.time.Clock;
import java.time.Duration;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.Throttle;
import org.chuangwen.platform.TooManyAttempts;
import org.springframework.stereotype.Component;

/**
 * Keeps the public survey page from being a flood gate or a code oracle: wrong codes per address, responses per
 * address without login, responses per interviewer with login. Each block is audited once, not each refusal.
 */
@Component
class SurveyThrottle {

	private final Throttle guesses;
	private final Throttle anonymous;
	private final Throttle interviewers;
	private final AuditLog audit;

	SurveyThrottle(SurveyProperties settings, AuditLog audit, Clock clock) {
		this.guesses = new Throttle(rule(settings.guesses(), settings), clock, settings.capacity());
		this.anonymous = new Throttle(rule(settings.submissions(), settings), clock, settings.capacity());
		this.interviewers = new Throttle(rule(settings.interviewerSubmissions(), settings), clock, settings.capacity());
		this.audit = audit;
	}

	private static Throttle.Rule rule(int limit, SurveyProperties settings) {
		return new Throttle.Rule(limit, settings.window(), settings.window(), settings.maxBlock(), Duration.ZERO);
	}

	/** Before a code is looked up: refused while the address is blocked for guessing. */
	void lookup(String address) {
		refuseIfBlocked(guesses.check(address), "address", address, "wrong survey codes");
	}

	void wrongCode(String address) {
		guesses.record(address);
	}

	/** Before a response is taken: counts it for the interviewer when signed in, else for the address. */
	void submission(String address, String interviewer) {
		Throttle throttle = interviewer == null ? anonymous : interviewers;
		String key = interviewer == null ? address : interviewer;
		refuseIfBlocked(throttle.check(key), interviewer == null ? "address" : "account", key, "survey responses");
		throttle.record(key);
	}

	private void refuseIfBlocked(Throttle.Verdict verdict, String objectType, String objectId, String what) {
		if (verdict.allowed()) {
			return;
		}
		if (verdict.first()) {
			audit.record("SURVEY_THROTTLED", objectType, objectId, null, "too many " + what + ", retry after " + verdict.retryAfterSeconds() + " s");
		}
		throw new TooManyAttempts(verdict, "error.survey.too-many");
	}
}
