package org.chuangwen.platform;

import org.springframework.http.HttpStatus;

/** A refusal with {@code 429 Too Many Requests}: the caller may try again after {@link #retryAfterSeconds()}. */
public class TooManyAttempts extends UserFacingException {

	private final long retryAfterSeconds;

	public TooManyAttempts(Throttle.Verdict verdict, String messageKey) {
		super(HttpStatus.TOO_MANY_REQUESTS, "too_many_requests", messageKey, verdict.retryAfterSeconds());
		this.retryAfterSeconds = verdict.retryAfterSeconds();
	}

	/** For a {@code Retry-After} header. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
