package org.chuangwen.elections;

/**
 * The check of a 居民身份证号码 (GB 11643-1999) a polling list row needs before it is hashed: 17 digits and a check
 * character by ISO 7064 MOD 11-2. The residents ledger checks more (birth date, sex); a number that passes here and
 * is no resident's simply matches nobody.
 */
final class IdNumbers {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final String CHECK = "10X98765432";

	private IdNumbers() {}

	/** The message key of what is wrong with a normalized number, or null when it is well formed. */
	static String problem(String value) {
		if (value.isEmpty()) {
			return "elections.row.id-missing";
		}
		if (!value.matches("\\d{17}[\\dX]")) {
			return "elections.row.id-format";
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (value.charAt(i) - '0') * WEIGHTS[i];
		}
		return value.charAt(17) == CHECK.charAt(sum % 11) ? null : "elections.row.id-format";
	}
}
