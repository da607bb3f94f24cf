package org.chuangwen.surveys;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The questionnaires' rows: checks a definition before anything is stored, writes it, reads it back. Knows nothing of
 * callers and scope ({@link Surveys} decides who may do what).
 */
@Component
class Questionnaires {

	private static final int MAX_QUESTIONS = 50;
	private static final int MAX_OPTIONS = 20;
	/** Easy to read aloud and type from a poster: no 0/O, 1/I/L. */
	private static final String CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Questionnaires(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A checked definition, ready to store. */
	record Checked(String title, String topic, String targetKey, List<NewSurvey.NewQuestion> questions) {}

	/** @throws UserFacingException 400 naming the first field or question that is wrong */
	Checked check(NewSurvey s) {
		String title = text("title", s.title(), 100, "error.survey.title");
		String topic = text("topic", s.topic(), 50, null);
		String key = Text.blankToNull(s.targetKey());
		if (key != null && !Survey.TARGET_KEYS.contains(key)) {
			throw UserFacingException.badRequest("bad_parameter", "error.survey.target-key", key);
		}
		if (s.questions() == null || s.questions().isEmpty() || s.questions().size() > MAX_QUESTIONS) {
			throw UserFacingException.badRequest("invalid_question", "error.survey.questions", MAX_QUESTIONS);
		}
		List<NewSurvey.NewQuestion> questions = new ArrayList<>();
		int number = 0;
		for (NewSurvey.NewQuestion q : s.questions()) {
			number++;
			questions.add(question(number, q));
		}
		return new Checked(title, topic, key, questions);
	}

	private static NewSurvey.NewQuestion question(int number, NewSurvey.NewQuestion q) {
		if (q == null) {
			throw invalid(number, "error.survey.question.text");
		}
		String wording = Text.blankToNull(q.text());
		if (wording == null || wording.length() > 200) {
			throw invalid(number, "error.survey.question.text");
		}
		Text.check("text", wording, false);
		Survey.Kind kind = Survey.Kind.of(q.type());
		if (kind == null) {
			throw invalid(number, "error.survey.question.type");
		}
		List<String> options = new ArrayList<>();
		for (String option : q.options() == null ? List.<String>of() : q.options()) {
			String label = Text.blankToNull(option);
			if (label == null || label.length() > 100) {
				throw invalid(number, "error.survey.question.option");
			}
			Text.check("options", label, false);
			if (options.contains(label)) {
				throw invalid(number, "error.survey.question.duplicate-option");
			}
			options.add(label);
		}
		List<String> aware = new ArrayList<>();
		for (String option : q.aware() == null ? List.<String>of() : q.aware()) {
			String label = Text.blankToNull(option);
			if (label == null || !options.contains(label)) {
				throw invalid(number, "error.survey.question.aware");
			}
			if (!aware.contains(label)) {
				aware.add(label);
			}
		}
		if (kind == Survey.Kind.TEXT ? !options.isEmpty() : options.size() < 2 || options.size() > MAX_OPTIONS) {
			throw invalid(number, kind == Survey.Kind.TEXT ? "error.survey.question.text-options" : "error.survey.question.options");
		}
		return new NewSurvey.NewQuestion(wording, kind.json(), options, aware);
	}

	private static UserFacingException invalid(int number, String key) {
		return UserFacingException.badRequest("invalid_question", key, number);
	}

	/** Stores a new survey, open, with a fresh public code; answers its id. */
	long insert(OrgUnit unit, Checked s, String by) {
		for (int attempt = 0; ; attempt++) {
			try {
				GeneratedKeyHolder key = new GeneratedKeyHolder();
				jdbc.sql("insert into survey (org_unit_id, org_path, title, topic, target_key, code, state, created_by, created_at)"
						+ " values (:u, :p, :t, :topic, :k, :c, 'OPEN', :by, :at)")
						.param("u", unit.id()).param("p", unit.path()).param("t", s.title()).param("topic", s.topic()).param("k", s.targetKey())
						.param("c", newCode()).param("by", by).param("at", Timestamp.from(clock.instant()))
						.update(key, "id");
				long id = key.getKey().longValue();
				insertQuestions(id, s.questions());
				return id;
			} catch (DuplicateKeyException e) {
				if (attempt >= 3) {
					throw e;
				}
			}
		}
	}

	/** Replaces title, topic, target and questions of a survey that has no response yet (the caller checked). */
	void replace(long id, Checked s) {
		jdbc.sql("update survey set title = :t, topic = :topic, target_key = :k where id = :id")
				.param("t", s.title()).param("topic", s.topic()).param("k", s.targetKey()).param("id", id).update();
		jdbc.sql("delete from survey_option where question_id in (select id from survey_question where survey_id = :id)").param("id", id).update();
		jdbc.sql("delete from survey_question where survey_id = :id").param("id", id).update();
		insertQuestions(id, s.questions());
	}

	void setOpen(long id, boolean open) {
		jdbc.sql("update survey set state = :s, closed_at = :at where id = :id").param("s", open ? "OPEN" : "CLOSED")
				.param("at", open ? null : Timestamp.from(clock.instant())).param("id", id).update();
	}

	private void insertQuestions(long surveyId, List<NewSurvey.NewQuestion> questions) {
		int seq = 0;
		for (NewSurvey.NewQuestion q : questions) {
			seq++;
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("insert into survey_question (survey_id, seq, wording, kind) values (:s, :n, :w, :k)")
					.param("s", surveyId).param("n", seq).param("w", q.text()).param("k", Survey.Kind.of(q.type()).name()).update(key, "id");
			long questionId = key.getKey().longValue();
			int o = 0;
			for (String label : q.options()) {
				o++;
				jdbc.sql("insert into survey_option (question_id, seq, label, aware) values (:q, :n, :l, :a)")
						.param("q", questionId).param("n", o).param("l", label).param("a", q.aware().contains(label)).update();
			}
		}
	}

	Optional<Survey> find(long id) {
		return jdbc.sql(SELECT + " where s.id = :id").param("id", id).query(this::row).optional().map(this::withQuestions);
	}

	Optional<Survey> byCode(String code) {
		String normalized = code == null ? "" : code.strip().toUpperCase();
		if (!normalized.matches("[A-Z0-9]{4,12}")) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where s.code = :c").param("c", normalized).query(this::row).optional().map(this::withQuestions);
	}

	/** Surveys at or below a path, newest first, without their questions. */
	List<Survey> under(String path) {
		return jdbc.sql(SELECT + " where s.org_path like :p order by s.created_at desc, s.id desc").param("p", path + "%").query(this::row).list();
	}

	/**
	 * The newest survey with a target key at or below a path created before {@code before}, without its questions.
	 */
	Optional<Survey> latest(String path, String targetKey, Timestamp before) {
		return jdbc.sql(SELECT + " where s.org_path like :p and s.target_key = :k and s.created_at < :b order by s.created_at desc, s.id desc")
				.param("p", path + "%").param("k", targetKey).param("b", before).query(this::row).list().stream().findFirst();
	}

	private static final String SELECT = "select s.id, s.org_unit_id, s.org_path, s.title, s.topic, s.target_key, s.code, s.state, s.created_by, s.created_at,"
			+ " (select count(*) from survey_response r where r.survey_id = s.id) responses from survey s";

	private Survey row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Survey(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("org_path"), rs.getString("title"), rs.getString("topic"),
				rs.getString("target_key"), rs.getString("code"), rs.getString("state").equals("OPEN"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getLong("responses"), List.of());
	}

	private Survey withQuestions(Survey s) {
		Map<Long, List<Survey.Option>> options = new LinkedHashMap<>();
		jdbc.sql("select o.id, o.question_id, o.seq, o.label, o.aware from survey_option o join survey_question q on q.id = o.question_id"
				+ " where q.survey_id = :s order by o.question_id, o.seq")
				.param("s", s.id())
				.query(rs -> {
					options.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>())
							.add(new Survey.Option(rs.getLong("id"), rs.getInt("seq"), rs.getString("label"), rs.getBoolean("aware")));
				});
		List<Survey.Question> questions = jdbc.sql("select id, seq, wording, kind from survey_question where survey_id = :s order by seq")
				.param("s", s.id())
				.query((rs, n) -> new Survey.Question(rs.getLong("id"), rs.getInt("seq"), rs.getString("wording"), Survey.Kind.valueOf(rs.getString("kind")),
						List.copyOf(options.getOrDefault(rs.getLong("id"), List.of()))))
				.list();
		return new Survey(s.id(), s.orgUnitId(), s.orgPath(), s.title(), s.topic(), s.targetKey(), s.code(), s.open(), s.createdBy(), s.createdAt(),
				s.responses(), questions);
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			code.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
		}
		return code.toString();
	}

	/** The text stripped (null when blank); {@code requiredKey} names the message when it must be given. */
	private static String text(String field, String value, int max, String requiredKey) {
		String text = Text.blankToNull(value);
		if (text == null) {
			if (requiredKey != null) {
				throw UserFacingException.badRequest("bad_parameter", requiredKey, max);
			}
			return null;
		}
		Text.check(field, text, false);
		if (text.length() > max) {
			throw UserFacingException.badRequest("bad_parameter", "error.survey.too-long", field, max);
		}
		return text;
	}
}
