package org.chuangwen.surveys;

import java.util.List;

/** What a worker enters to build (or, before the first response, rebuild) a questionnaire. */
record NewSurvey(Long orgUnitId, String title, String topic, String targetKey, List<NewQuestion> questions) {

	/** {@code type}: single, multiple or text; {@code aware}: the option texts that count as aware. */
	record NewQuestion(String text, String type, List<String> options, List<String> aware) {}
}
