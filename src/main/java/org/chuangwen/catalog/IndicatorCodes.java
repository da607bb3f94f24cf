package org.chuangwen.catalog;

import java.util.regex.Pattern;

/** Reading indicator codes the way people type and print them: Ⅲ-17, III-17, Ⅲ－17, "Ⅲ-⏎⏎17". */
final class IndicatorCodes {

	private static final Pattern VALID = Pattern.compile("[\u2160-\u216B]+-\\d+[a-z]?");
	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private IndicatorCodes() {}

	/** Whitespace removed, ASCII Roman numerals and dash variants unified, suffix letter lower-cased. */
	static String normalize(String code) {
		if (code == null) {
			return "";
		}
		String s = WHITESPACE.matcher(code).replaceAll("")
				.replace('－', '-')
				.replace('—', '-')
				.replace('–', '-')
				.replace('‐', '-');
		int dash = s.indexOf('-');
		if (dash > 0) {
			s = roman(s.substring(0, dash)) + s.substring(dash);
		}
		if (s.endsWith("、")) {
			s = s.substring(0, s.length() - 1);
		}
		return s.isEmpty() ? s : s.substring(0, s.length() - 1) + Character.toLowerCase(s.charAt(s.length() - 1));
	}

	static boolean isValid(String normalized) {
		return VALID.matcher(normalized).matches();
	}

	static boolean isSplit(String printed) {
		return WHITESPACE.matcher(printed).find();
	}

	private static String roman(String prefix) {
		return switch (prefix.toUpperCase()) {
			case "I" -> "Ⅰ";
			case "II" -> "Ⅱ";
			case "III" -> "Ⅲ";
			case "IV" -> "Ⅳ";
			case "V" -> "Ⅴ";
			default -> prefix;
		};
	}
}
