package org.chuangwen.platform;

import org.springframework.http.HttpStatus;

/**
 * A refusal the user must understand: carries the HTTP status, a stable machine-readable error code and a
 * message key resolved against the message bundles (Chinese first) when the answer is rendered.
 */
public class UserFacingException extends RuntimeException {

	private final HttpStatus status;
	private final String error;
	private final String messageKey;
	private final Object[] args;

	public UserFacingException(HttpStatus status, String error, String messageKey, Object... args) {
		super(error + ": " + messageKey);
		this.status = status;
		this.error = error;
		this.messageKey = messageKey;
		this.args = args.clone();
	}

	public static UserFacingException badRequest(String error, String messageKey, Object... args) {
		return new UserFacingException(HttpStatus.BAD_REQUEST, error, messageKey, args);
	}

	public static UserFacingException notFound(String messageKey, Object... args) {
		return new UserFacingException(HttpStatus.NOT_FOUND, "not_found", messageKey, args);
	}

	public static UserFacingException forbidden(String messageKey, Object... args) {
		return new UserFacingException(HttpStatus.FORBIDDEN, "forbidden", messageKey, args);
	}

	public static UserFacingException conflict(String error, String messageKey, Object... args) {
		return new UserFacingException(HttpStatus.CONFLICT, error, messageKey, args);
	}

	public HttpStatus status() {
		return status;
	}

	public String error() {
		return error;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args.clone();
	}
}
