package org.chuangwen.surveys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Reads the answers of a survey form: the field {@code a{n}} for question n (several values for a multiple choice). */
final class Answers {

	private Answers() {}

	static List<Given> from(Survey survey, Map<String, String[]> parameters) {
		List<Given> given = new ArrayList<>();
		for (Survey.Question q : survey.questions()) {
			String[] values = parameters.get("a" + q.seq());
			if (values == null || values.length == 0) {
				given.add(Given.NONE);
			} else if (q.kind() == Survey.Kind.MULTIPLE) {
				given.add(Given.items(Arrays.asList(values)));
			} else {
				given.add(Given.text(values[0]));
			}
		}
		return given;
	}
}
