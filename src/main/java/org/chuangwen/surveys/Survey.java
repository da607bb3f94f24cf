package org.chuangwen.surveys;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.platform.Zones;

/**
 * A questionnaire of one unit. {@code code} opens the public page ({@code /s/{code}}); {@code responses} counts the
 * answers so far: from the first one on, the questions are frozen.
 */
record Survey(long id, long orgUnitId, String orgPath, String title, String topic, String targetKey, String code, boolean open, String createdBy,
		Instant createdAt, long responses, List<Question> questions) {

	static final List<String> TARGET_KEYS = List.of("family-virtue-awareness", "moral-model-awareness", "legal-education-coverage");
	static final List<String> TOPICS = List.of("家庭美德", "道德模范", "城市精神", "普法", "市民文明公约", "满意度");

	/** The day it was built, in Beijing time. */
	public LocalDate createdOn() {
		return LocalDate.ofInstant(createdAt, Zones.SHANGHAI);
	}

	public boolean frozen() {
		return responses > 0;
	}

	record Question(long id, int seq, String text, Kind kind, List<Option> options) {

		/** Whether any option counts as aware: only such questions enter the awareness rates. */
		public boolean measuresAwareness() {
			return options.stream().anyMatch(Option::aware);
		}

		public List<String> labels() {
			return options.stream().map(Option::label).toList();
		}

		public List<String> aware() {
			return options.stream().filter(Option::aware).map(Option::label).toList();
		}
	}

	record Option(long id, int seq, String label, boolean aware) {}

	enum Kind {
		SINGLE, MULTIPLE, TEXT;

		public String json() {
			return name().toLowerCase();
		}

		static Kind of(String type) {
			for (Kind kind : values()) {
				if (kind.json().equals(type == null ? "" : type.strip().toLowerCase())) {
					return kind;
				}
			}
			return null;
		}
	}
}
