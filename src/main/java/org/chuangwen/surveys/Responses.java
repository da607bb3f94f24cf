package org.chuangwen.surveys;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Takes one response: every answer checked against its question before anything is stored, the phone kept as keyed
 * hash (the one-response-per-phone key), ciphertext and mask, the resident linked when the phone is on the roster of
 * the survey's unit. Whether each answer is aware is decided here, once: the survey is frozen from its first response.
 */
@Component
class Responses {

	private final JdbcClient jdbc;
	private final PersonalData personal;
	private final Residents residents;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final Clock clock;

	Responses(JdbcClient jdbc, PersonalData personal, Residents residents, WriteTransactions transactions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.personal = personal;
		this.residents = residents;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/** A checked answer: the chosen options' positions (1-based, comma-separated), the words of a short answer. */
	private record Checked(long questionId, String choices, String text, Boolean aware) {}

	/**
	 * Stores a response to an open survey; answers its id.
	 *
	 * @param interviewer the signed-in staff member who entered it door to door, or null for a resident's own phone
	 * @throws UserFacingException 400 {@code invalid_phone} or {@code invalid_answer} (naming the question), 409
	 *     {@code survey_closed}, 409 {@code duplicate_response} for a phone that already answered
	 */
	long submit(Survey survey, String phone, List<Given> answers, String interviewer) {
		if (!survey.open()) {
			throw UserFacingException.conflict("survey_closed", "error.survey.closed");
		}
		String digits = phone == null ? "" : phone.replaceAll("[\\s-]", "");
		if (!digits.matches("\\+?\\d{7,15}")) {
			throw UserFacingException.badRequest("invalid_phone", "error.survey.phone");
		}
		List<Checked> checked = check(survey, answers == null ? List.of() : answers);
		String hash = personal.lookupHash(digits);
		String masked = PersonalData.maskPhone(digits);
		// a household may share one phone: the response is the phone's, the first resident on the roster is linked
		Long resident = residents.residentIdsByPhoneHash(hash, survey.orgPath()).stream().min(Long::compare).orElse(null);
		try {
			return transactions.run(() -> {
				if (jdbc.sql("select count(*) from survey_response where survey_id = :s and phone_hash = :h").param("s", survey.id()).param("h", hash)
						.query(Long.class).single() > 0) {
					throw duplicate(masked);
				}
				GeneratedKeyHolder key = new GeneratedKeyHolder();
				jdbc.sql("insert into survey_response (survey_id, phone_hash, phone_enc, phone_masked, resident_id, interviewer, answered_at)"
						+ " values (:s, :h, :e, :m, :r, :i, :at)")
						.param("s", survey.id()).param("h", hash).param("e", personal.encrypt(digits)).param("m", masked).param("r", resident)
						.param("i", interviewer).param("at", Timestamp.from(clock.instant()))
						.update(key, "id");
				long id = key.getKey().longValue();
				for (Checked a : checked) {
					jdbc.sql("insert into survey_answer (survey_id, response_id, question_id, choices, answer_text, aware) values (:s, :r, :q, :c, :t, :a)")
							.param("s", survey.id()).param("r", id).param("q", a.questionId()).param("c", a.choices()).param("t", a.text())
							.param("a", a.aware()).update();
				}
				audit.record("SURVEY_ANSWERED", "survey_response", id, survey.orgUnitId(),
						"survey " + survey.id() + " " + masked + (interviewer == null ? "" : ", 入户 by " + interviewer));
				return id;
			});
		} catch (DuplicateKeyException e) {
			throw duplicate(masked);
		}
	}

	private static UserFacingException duplicate(String masked) {
		return UserFacingException.conflict("duplicate_response", "error.survey.duplicate", masked);
	}

	private static List<Checked> check(Survey survey, List<Given> answers) {
		if (answers.size() > survey.questions().size()) {
			throw UserFacingException.badRequest("invalid_answer", "error.survey.answer.count", answers.size(), survey.questions().size());
		}
		List<Checked> checked = new ArrayList<>();
		for (Survey.Question q : survey.questions()) {
			Given given = q.seq() <= answers.size() ? answers.get(q.seq() - 1) : Given.NONE;
			checked.add(check(q, given == null ? Given.NONE : given));
		}
		return checked;
	}

	private static Checked check(Survey.Question q, Given given) {
		if (given.missing()) {
			throw invalid(q, "error.survey.answer.missing");
		}
		if (given.malformed()) {
			throw invalid(q, "error.survey.answer.shape");
		}
		return switch (q.kind()) {
			case TEXT -> {
				if (given.text() == null) {
					throw invalid(q, "error.survey.answer.shape");
				}
				String words = Text.blankToNull(given.text());
				if (words != null && (words.length() > 500 || Text.firstInvalid(words, true) >= 0)) {
					throw invalid(q, "error.survey.answer.text");
				}
				yield new Checked(q.id(), null, words, null);
			}
			case SINGLE -> {
				if (given.text() == null) {
					throw invalid(q, "error.survey.answer.shape");
				}
				Survey.Option option = option(q, given.text());
				yield new Checked(q.id(), String.valueOf(option.seq()), null, q.measuresAwareness() ? option.aware() : null);
			}
			case MULTIPLE -> {
				List<String> items = given.items() != null ? given.items() : List.of(given.text());
				if (items.isEmpty()) {
					throw invalid(q, "error.survey.answer.missing");
				}
				List<Survey.Option> chosen = new ArrayList<>();
				for (String item : items) {
					Survey.Option option = option(q, item);
					if (!chosen.contains(option)) {
						chosen.add(option);
					}
				}
				chosen.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
				StringJoiner choices = new StringJoiner(",");
				chosen.forEach(o -> choices.add(String.valueOf(o.seq())));
				// a multiple choice is aware when it is exactly right: every aware option and none of the others
				boolean aware = chosen.stream().allMatch(Survey.Option::aware) && chosen.size() == q.aware().size();
				yield new Checked(q.id(), choices.toString(), null, q.measuresAwareness() ? aware : null);
			}
		};
	}

	private static Survey.Option option(Survey.Question q, String label) {
		String wanted = label == null ? "" : label.strip();
		if (wanted.isEmpty()) {
			throw invalid(q, "error.survey.answer.missing");
		}
		return q.options().stream().filter(o -> o.label().equals(wanted)).findFirst()
				.orElseThrow(() -> UserFacingException.badRequest("invalid_answer", "error.survey.answer.unknown", q.seq(), q.text(),
						Text.printable(wanted.length() > 50 ? wanted.substring(0, 50) + "…" : wanted)));
	}

	private static UserFacingException invalid(Survey.Question q, String key) {
		return UserFacingException.badRequest("invalid_answer", key, q.seq(), q.text());
	}
}
