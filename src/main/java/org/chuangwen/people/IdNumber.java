package org.chuangwen.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A 居民身份证号码 by GB 11643-1999: six digits of the address code, the birth date (yyyyMMdd), a three-digit
 * sequence whose last digit is odd for men and even for women, and a check character (ISO 7064 MOD 11-2).
 */
record IdNumber(String value, LocalDate birthDate, String sex) {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final String CHECK = "10X98765432";

	/** Why a value is not an ID number, as a message key; empty when it is one. */
	static Optional<String> problem(String raw) {
		String v = normalize(raw);
		if (v.isEmpty()) {
			return Optional.of("people.row.id-missing");
		}
		if (!v.matches("\\d{17}[\\dX]")) {
			return Optional.of("people.row.id-format");
		}
		if (v.charAt(17) != checkChar(v)) {
			return Optional.of("people.row.id-check");
		}
		try {
			LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)), Integer.parseInt(v.substring(12, 14)));
		} catch (DateTimeException e) {
			return Optional.of("people.row.id-birth");
		}
		return Optional.empty();
	}

	/** The parsed number; call {@link #problem} first. */
	static IdNumber of(String raw) {
		String v = normalize(raw);
		LocalDate birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
				Integer.parseInt(v.substring(12, 14)));
		return new IdNumber(v, birth, (v.charAt(16) - '0') % 2 == 1 ? "男" : "女");
	}

	static String normalize(String raw) {
		return raw == null ? "" : raw.strip().replace(" ", "").toUpperCase();
	}

	static char checkChar(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK.charAt(sum % 11);
	}

	/** 220102********1234: the address code and the last four stay, the birth date never shows. */
	static String mask(String value) {
		if (value == null || value.length() < 10) {
			return "****";
		}
		return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
	}
}
