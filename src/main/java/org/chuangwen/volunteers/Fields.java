package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;

/** Checks of what a form or a JSON body brings, each refusal with its own Chinese message. */
final class Fields {

	private static final BigDecimal DAY = new BigDecimal(24);

	private Fields() {}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	static String required(String value, int max, String messageKey) {
		if (blank(value) || value.strip().length() > max) {
			throw UserFacingException.badRequest("invalid_field", messageKey, max);
		}
		return Text.check(null, value.strip(), false);
	}

	static String optional(String value, int max, String messageKey) {
		return blank(value) ? null : required(value, max, messageKey);
	}

	static String multiLine(String value, int max, String messageKey) {
		if (blank(value)) {
			return null;
		}
		if (value.strip().length() > max) {
			throw UserFacingException.badRequest("invalid_field", messageKey, max);
		}
		return Text.check(null, value.strip(), true);
	}

	/** A mainland mobile number, digits only; 400 invalid_phone otherwise. */
	static String phone(String value) {
		String digits = value == null ? "" : value.replaceAll("[\\s-]", "");
		if (!digits.matches("1[3-9]\\d{9}")) {
			throw UserFacingException.badRequest("invalid_phone", "error.volunteer.phone");
		}
		return digits;
	}

	/** Hours of service: more than 0, at most 24 for one day, kept to two decimals. */
	static BigDecimal hours(BigDecimal hours) {
		if (hours == null || hours.signum() <= 0 || hours.compareTo(DAY) > 0) {
			throw UserFacingException.badRequest("invalid_hours", "error.volunteer.hours");
		}
		return hours.setScale(2, RoundingMode.HALF_UP);
	}
}
