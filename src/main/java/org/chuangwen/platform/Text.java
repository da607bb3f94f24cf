package org.chuangwen.platform;

/**
 * What text can be kept: no unpaired UTF-16 surrogates and no control characters (tab, line feed and carriage return
 * only in multi-line fields). Input that breaks this is refused where it enters ({@link #check}); text already stored
 * is made printable where documents and archives are written ({@link #printable}), so an old row never breaks an export.
 */
public final class Text {

	private static final char REPLACEMENT = '\uFFFD';

	private Text() {}

	/**
	 * The index of the first character of {@code text} that cannot be stored, or -1 when there is none (also for null).
	 *
	 * @param multiLine whether tab, line feed and carriage return are allowed
	 */
	public static int firstInvalid(String text, boolean multiLine) {
		if (text == null) {
			return -1;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
				return i;
			}
			if (Character.getType(c) == Character.CONTROL && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
				return i;
			}
		}
		return -1;
	}

	/** Refuses text that cannot be stored, naming the field in the message ({@code 400 invalid_text}). */
	public static String check(String field, String text, boolean multiLine) {
		if (firstInvalid(text, multiLine) >= 0) {
			throw invalid(field);
		}
		return text;
	}

	/** The text stripped, or null when there is none: for optional fields, where blank means "not given". */
	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	public static UserFacingException invalid(String field) {
		return UserFacingException.badRequest("invalid_text", "error.text.invalid", field == null || field.isBlank() ? "?" : field);
	}

	/**
	 * The text as it can be written into XML (DOCX, XLSX) or a ZIP entry name: an unpaired surrogate becomes U+FFFD,
	 * control characters other than tab and line breaks are dropped, as are the non-characters U+FFFE and U+FFFF.
	 * Null stays null; text that is fine is returned as it is.
	 */
	public static String printable(String text) {
		if (firstInvalid(text, true) < 0) {
			return text;
		}
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				clean.append(c).append(text.charAt(++i));
			} else if (Character.isSurrogate(c)) {
				clean.append(REPLACEMENT);
			} else if (c == '\t' || c == '\n' || c == '\r' || (Character.getType(c) != Character.CONTROL && c != '\uFFFE' && c != '\uFFFF')) {
				clean.append(c);
			}
		}
		return clean.toString();
	}
}
