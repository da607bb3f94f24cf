package org.chuangwen.surveys;

import java.util.List;

/**
 * One answer as it arrived, before it is checked against its question: nothing, a text (the chosen option of a single
 * choice, or the words of a short answer), a list of texts (the options of a multiple choice), or something else
 * ({@code malformed}: a number, an object).
 */
record Given(String text, List<String> items, boolean malformed) {

	static final Given NONE = new Given(null, null, false);
	static final Given MALFORMED = new Given(null, null, true);

	static Given text(String text) {
		return new Given(text, null, false);
	}

	static Given items(List<String> items) {
		return new Given(null, List.copyOf(items), false);
	}

	boolean missing() {
		return !malformed && text == null && items == null;
	}
}
