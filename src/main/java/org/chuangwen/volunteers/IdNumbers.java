package org.chuangwen.volunteers;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.chuangwen.platform.UserFacingException;

/** 18-digit 居民身份证号码 (GB 11643): the check digit, the birth date and the sex it encodes, and its masked form. */
final class IdNumbers {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final String CHECK = "10X98765432";

	private IdNumbers() {}

	/** The number in upper case without spaces; refused (400 invalid_id_number) unless 18 characters with the right check digit. */
	static String valid(String raw) {
		String id = raw.replaceAll("\\s", "").toUpperCase();
		if (!id.matches("\\d{17}[\\dX]")) {
			throw UserFacingException.badRequest("invalid_id_number", "error.volunteer.id-number");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * WEIGHTS[i];
		}
		if (CHECK.charAt(sum % 11) != id.charAt(17)) {
			throw UserFacingException.badRequest("invalid_id_number", "error.volunteer.id-number");
		}
		birthDate(id);
		return id;
	}

	static LocalDate birthDate(String id) {
		try {
			return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
		} catch (DateTimeException e) {
			throw UserFacingException.badRequest("invalid_id_number", "error.volunteer.id-number");
		}
	}

	/** 男 for an odd 17th digit, 女 for an even one. */
	static String sex(String id) {
		return (id.charAt(16) - '0') % 2 == 1 ? "男" : "女";
	}

	/** 220102********1234. */
	static String mask(String id) {
		return id.substring(0, 6) + "********" + id.substring(14);
	}
}
