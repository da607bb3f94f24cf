package org.chuangwen.platform;

import org.springframework.http.HttpStatus;

/**
 * A date or time the platform refuses ({@code 400 invalid_date}): not a date, or outside the range its field allows.
 * The message names the field; where the parser cannot know the field (form binding), the error handling names it.
 */
public class InvalidDateException extends UserFacingException {

	private final String field;
	private final String key;
	private final Object[] rest;

	InvalidDateException(String field, String key, Object... rest) {
		super(HttpStatus.BAD_REQUEST, "invalid_date", key, prepend(field, rest));
		this.field = field;
		this.key = key;
		this.rest = rest.clone();
	}

	/** The field the refused value was given for; {@code null} when the parser did not know it. */
	public String field() {
		return field;
	}

	/** The same refusal naming {@code field}. */
	public InvalidDateException forField(String field) {
		return new InvalidDateException(field, key, rest);
	}

	private static Object[] prepend(String field, Object[] rest) {
		Object[] args = new Object[rest.length + 1];
		args[0] = field == null ? "?" : field;
		System.arraycopy(rest, 0, args, 1, rest.length);
		return args;
	}
}
