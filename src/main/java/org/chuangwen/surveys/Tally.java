package org.chuangwen.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.catalog.Catalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts a survey's answers: one grouped query over its answer rows (each carries whether it was aware), then the
 * rates, intervals and grades in memory. The catalog's target for the survey's key is looked up as data.
 */
@Component
class Tally {

	/** A plan below this many answers assumes the most cautious share (50%) rather than the noisy observed one. */
	private static final int PLAN_FROM_DATA_AT = 30;

	private final JdbcClient jdbc;
	private final Catalog catalog;

	Tally(JdbcClient jdbc, Catalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	private record Count(long answers, long texts, long aware) {}

	/** Answers per question id, counting only responses given before {@code before} (all when null). */
	private Map<Long, Count> counts(long surveyId, Timestamp before) {
		Map<Long, Count> counts = new HashMap<>();
		String sql = "select question_id, count(*) answers, count(answer_text) texts, sum(case when aware then 1 else 0 end) aware"
				+ " from survey_answer where survey_id = :s"
				+ (before == null ? "" : " and response_id in (select id from survey_response where survey_id = :s and answered_at < :b)")
				+ " group by question_id";
		var statement = jdbc.sql(sql).param("s", surveyId);
		if (before != null) {
			statement = statement.param("b", before);
		}
		statement.query(rs -> {
			counts.put(rs.getLong("question_id"), new Count(rs.getLong("answers"), rs.getLong("texts"), rs.getLong("aware")));
		});
		return counts;
	}

	/** The overall awareness: aware answers ÷ answers over the questions that have aware options. */
	Proportion overall(Survey survey, Timestamp before) {
		Map<Long, Count> counts = counts(survey.id(), before);
		long answers = 0;
		long aware = 0;
		for (Survey.Question q : survey.questions()) {
			Count c = counts.get(q.id());
			if (q.measuresAwareness() && c != null) {
				answers += c.answers();
				aware += c.aware();
			}
		}
		return new Proportion(aware, answers);
	}

	/** @param population the residents of the survey's unit, 0 when unknown */
	Results results(Survey survey, long population) {
		Map<Long, Count> counts = counts(survey.id(), null);
		long answers = 0;
		long aware = 0;
		List<Results.QuestionResult> questions = new java.util.ArrayList<>();
		for (Survey.Question q : survey.questions()) {
			Count c = counts.getOrDefault(q.id(), new Count(0, 0, 0));
			long n = q.kind() == Survey.Kind.TEXT ? c.texts() : c.answers();
			questions.add(Results.QuestionResult.of(q, n, c.aware()));
			if (q.measuresAwareness()) {
				answers += c.answers();
				aware += c.aware();
			}
		}
		Proportion overall = new Proportion(aware, answers);
		return new Results(survey.id(), survey.title(), survey.responses(), questions, Results.Rate.of(overall), target(survey, overall),
				planner(overall, population));
	}

	private Results.Target target(Survey survey, Proportion overall) {
		Optional<org.chuangwen.catalog.Target> found = target(survey.targetKey());
		if (found.isEmpty()) {
			return null;
		}
		org.chuangwen.catalog.Target t = found.get();
		Boolean estimate = overall.empty() ? null : t.isMetBy(overall.percentExact());
		Boolean lower = overall.empty() ? null : t.isMetBy(overall.lowPercentExact());
		return new Results.Target(t.key(), t.metric(), t.symbol(), t.threshold(), t.unit(), estimate, lower);
	}

	/** The active edition's target with this key, if any. */
	Optional<org.chuangwen.catalog.Target> target(String key) {
		if (key == null || !catalog.hasEdition()) {
			return Optional.empty();
		}
		return catalog.indicators().stream().flatMap(i -> i.targets().stream()).filter(t -> key.equals(t.key())).findFirst();
	}

	private static Results.Planner planner(Proportion overall, long population) {
		boolean fromData = overall.n() >= PLAN_FROM_DATA_AT;
		// an observed 100% would plan zero answers: the share is kept within 5–95% so that a plan always asks for some
		double p = fromData ? Math.min(0.95, Math.max(0.05, (double) overall.aware() / overall.n())) : 0.5;
		return new Results.Planner(BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP), fromData, population > 0 ? population : null,
				Proportion.sampleSize(p, 0.05, population), Proportion.sampleSize(p, 0.03, population), overall.n());
	}

	static BigDecimal percent(BigDecimal share) {
		return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
	}
}
