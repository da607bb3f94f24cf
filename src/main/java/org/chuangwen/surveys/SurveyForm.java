package org.chuangwen.surveys;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The build page's form: title, topic, target, unit and numbered question slots ({@code q1.text}, {@code q1.type},
 * {@code q1.options}). Options are one line separated by {@code /}, and one starting with {@code *} counts as aware
 * ({@code *知道 / 不知道}), so that a worker types the questionnaire as it is printed, without a script on the page (and
 * request parameters hold no line breaks). Empty slots are skipped.
 */
record SurveyForm(Long orgUnitId, String title, String topic, String targetKey, List<Slot> slots) {

	/** One question slot as the page shows it. */
	record Slot(int number, String text, String type, String options) {}

	static final int MIN_SLOTS = 5;

	static SurveyForm blank(Long orgUnitId, int slots) {
		List<Slot> empty = new ArrayList<>();
		for (int i = 1; i <= Math.max(MIN_SLOTS, Math.min(slots, 50)); i++) {
			empty.add(new Slot(i, "", "single", ""));
		}
		return new SurveyForm(orgUnitId, "", "", "", empty);
	}

	static SurveyForm of(Survey s) {
		List<Slot> slots = new ArrayList<>();
		for (Survey.Question q : s.questions()) {
			StringBuilder options = new StringBuilder();
			for (Survey.Option o : q.options()) {
				options.append(options.isEmpty() ? "" : " / ").append(o.aware() ? "*" : "").append(o.label());
			}
			slots.add(new Slot(q.seq(), q.text(), q.kind().json(), options.toString().strip()));
		}
		int last = Math.max(MIN_SLOTS, slots.size() + 2);
		for (int i = slots.size() + 1; i <= last; i++) {
			slots.add(new Slot(i, "", "single", ""));
		}
		return new SurveyForm(s.orgUnitId(), s.title(), s.topic(), s.targetKey(), slots);
	}

	static SurveyForm from(Map<String, String[]> parameters) {
		List<Slot> slots = new ArrayList<>();
		for (int i = 1; i <= 50; i++) {
			if (!parameters.containsKey("q" + i + ".text")) {
				break;
			}
			slots.add(new Slot(i, first(parameters, "q" + i + ".text"), first(parameters, "q" + i + ".type"), first(parameters, "q" + i + ".options")));
		}
		String unit = first(parameters, "orgUnitId");
		Long orgUnitId = unit == null || !unit.matches("\\d{1,18}") ? null : Long.valueOf(unit);
		return new SurveyForm(orgUnitId, first(parameters, "title"), first(parameters, "topic"), first(parameters, "targetKey"), slots);
	}

	NewSurvey toCommand() {
		List<NewSurvey.NewQuestion> questions = new ArrayList<>();
		for (Slot slot : slots) {
			if (slot.text() == null || slot.text().isBlank()) {
				continue;
			}
			List<String> options = new ArrayList<>();
			List<String> aware = new ArrayList<>();
			for (String line : (slot.options() == null ? "" : slot.options()).split("[/／]")) {
				String label = line.strip();
				boolean marked = label.startsWith("*") || label.startsWith("*");
				label = marked ? label.substring(1).strip() : label;
				if (!label.isEmpty()) {
					options.add(label);
					if (marked) {
						aware.add(label);
					}
				}
			}
			questions.add(new NewSurvey.NewQuestion(slot.text(), slot.type(), options, aware));
		}
		return new NewSurvey(orgUnitId, title, topic, targetKey, questions);
	}

	private static String first(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		return values == null || values.length == 0 ? null : values[0];
	}
}
