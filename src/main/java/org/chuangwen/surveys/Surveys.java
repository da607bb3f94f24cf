package org.chuangwen.surveys;

import java.util.List;
import java.util.Optional;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.CurrentUser;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The surveys module's facade. Building, editing, closing and reading results are for staff in the survey's part of
 * the org tree (a foreign id answers 404); answering needs no login: a resident's phone with the survey's code or id,
 * or a signed-in interviewer (入户), who must be able to write to the survey's unit and is recorded.
 */
@Service
class Surveys {

	private final Questionnaires questionnaires;
	private final Responses responses;
	private final Tally tally;
	private final SurveyThrottle throttle;
	private final DataScope scope;
	private final Residents residents;
	private final WriteTransactions transactions;
	private final AuditLog audit;

	Surveys(Questionnaires questionnaires, Responses responses, Tally tally, SurveyThrottle throttle, DataScope scope, Residents residents,
			WriteTransactions transactions, AuditLog audit) {
		this.questionnaires = questionnaires;
		this.responses = responses;
		this.tally = tally;
		this.throttle = throttle;
		this.scope = scope;
		this.residents = residents;
		this.transactions = transactions;
		this.audit = audit;
	}

	/**
	 * Builds a survey of {@code command.orgUnitId()} (the caller's unit when null), open from now on.
	 *
	 * @throws UserFacingException 404 for a unit outside the scope, 403 for a read-only role, 400 naming what is wrong
	 */
	Survey create(NewSurvey command) {
		OrgUnit unit = scope.writable(command.orgUnitId() == null ? scope.user().orgUnitId() : command.orgUnitId());
		Questionnaires.Checked checked = questionnaires.check(command);
		String by = scope.user().username();
		long id = transactions.run(() -> {
			long created = questionnaires.insert(unit, checked, by);
			audit.record("SURVEY_CREATED", "survey", created, unit.id(), checked.title() + ", " + checked.questions().size() + " questions");
			return created;
		});
		return questionnaires.find(id).orElseThrow();
	}

	/**
	 * Rebuilds a survey that nobody has answered yet.
	 *
	 * @throws UserFacingException 404 outside the scope, 409 {@code survey_frozen} once it has a response, 400
	 */
	Survey edit(long id, NewSurvey command) {
		Survey survey = writable(id);
		Questionnaires.Checked checked = questionnaires.check(command);
		transactions.run(() -> {
			// the count is read again inside the write: a response that just arrived freezes the survey
			if (questionnaires.find(id).orElseThrow().frozen()) {
				throw UserFacingException.conflict("survey_frozen", "error.survey.frozen");
			}
			questionnaires.replace(id, checked);
			audit.record("SURVEY_EDITED", "survey", id, survey.orgUnitId(), checked.title());
			return null;
		});
		return questionnaires.find(id).orElseThrow();
	}

	/** Opens or closes a survey for answers. @throws UserFacingException 404 outside the scope, 403 read-only */
	Survey setOpen(long id, boolean open) {
		Survey survey = writable(id);
		transactions.run(() -> {
			questionnaires.setOpen(id, open);
			audit.record(open ? "SURVEY_OPENED" : "SURVEY_CLOSED", "survey", id, survey.orgUnitId(), survey.title());
			return null;
		});
		return questionnaires.find(id).orElseThrow();
	}

	/** A survey in the caller's scope, with its questions; 404 otherwise. */
	Survey readable(long id) {
		Survey survey = questionnaires.find(id).orElse(null);
		if (survey == null) {
			throw UserFacingException.notFound("error.survey.not-found");
		}
		scope.checkRead(survey.orgPath(), survey.orgUnitId(), "survey", id);
		return survey;
	}

	private Survey writable(long id) {
		Survey survey = readable(id);
		scope.checkWrite(survey.orgPath(), survey.orgUnitId(), "survey", id);
		return survey;
	}

	/** Surveys at or below a unit in the caller's scope (the caller's unit when null), newest first. */
	List<Survey> list(Long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		return questionnaires.under(unit.path());
	}

	/** The results of a survey in the caller's scope. */
	Results results(long id) {
		Survey survey = readable(id);
		long population = residents.residentsAt(survey.orgUnitId()).size();
		return tally.results(survey, population);
	}

	/**
	 * A response through the API by survey id: anyone for an open survey, and a signed-in caller is the interviewer.
	 *
	 * @throws UserFacingException 404 for an unknown survey (or, for a signed-in caller, one outside the scope), 429
	 *     over the address's or interviewer's limit, and what {@link Responses#submit} refuses
	 */
	long respond(long id, String phone, List<Given> answers, String address) {
		Optional<CurrentUser> interviewer = signedIn();
		Survey survey;
		if (interviewer.isPresent()) {
			survey = writable(id);
		} else {
			survey = questionnaires.find(id).orElseThrow(() -> UserFacingException.notFound("error.survey.not-found"));
		}
		throttle.submission(address, interviewer.map(CurrentUser::username).orElse(null));
		return responses.submit(survey, phone, answers, interviewer.map(CurrentUser::username).orElse(null));
	}

	/**
	 * The survey behind a public code, for a visitor from {@code address}.
	 *
	 * @throws UserFacingException 429 while the address is blocked for guessing, 404 for a wrong code (counted)
	 */
	Survey byCode(String code, String address) {
		throttle.lookup(address);
		Optional<Survey> survey = questionnaires.byCode(code);
		if (survey.isEmpty()) {
			throttle.wrongCode(address);
			throw UserFacingException.notFound("error.survey.code");
		}
		return survey.get();
	}

	/** A resident's own response on the public page (never an interviewer's, even when a session exists). */
	long respondByCode(String code, String phone, List<Given> answers, String address) {
		Survey survey = byCode(code, address);
		throttle.submission(address, null);
		return responses.submit(survey, phone, answers, null);
	}

	/** An interviewer's door-to-door response on the 入户 page. */
	long interview(long id, String phone, List<Given> answers, String address) {
		Survey survey = writable(id);
		String interviewer = scope.user().username();
		throttle.submission(address, interviewer);
		return responses.submit(survey, phone, answers, interviewer);
	}

	/** The signed-in caller, if the request carried credentials (the response API admits anonymous callers). */
	private Optional<CurrentUser> signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		return Optional.of(scope.user());
	}
}
