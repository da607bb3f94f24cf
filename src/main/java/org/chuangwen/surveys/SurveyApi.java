package org.chuangwen.surveys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chuangwen.platform.TooManyAttempts;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/surveys")
class SurveyApi {

	private final Surveys surveys;

	SurveyApi(Surveys surveys) {
		this.surveys = surveys;
	}

	record SurveyBody(Long orgUnitId, String title, String topic, String targetKey, List<NewSurvey.NewQuestion> questions) {

		NewSurvey command() {
			return new NewSurvey(orgUnitId, title, topic, targetKey, questions);
		}
	}

	/** A survey as the API shows it: its public link and whether it is still editable. */
	record SurveyView(long id, String code, String link, long orgUnitId, String title, String topic, String targetKey, boolean open, boolean frozen,
			long responses, List<NewSurvey.NewQuestion> questions) {

		static SurveyView of(Survey s) {
			return new SurveyView(s.id(), s.code(), "/s/" + s.code(), s.orgUnitId(), s.title(), s.topic(), s.targetKey(), s.open(), s.frozen(), s.responses(),
					s.questions().stream().map(q -> new NewSurvey.NewQuestion(q.text(), q.kind().json(), q.labels(), q.aware())).toList());
		}
	}

	/** {@code answers}: per question the option's text, a list of option texts, or a string (see {@link Given}). */
	record ResponseBody(String phone, JsonNode answers) {

		List<Given> given() {
			if (answers == null || answers.isNull() || !answers.isArray()) {
				return answers == null || answers.isNull() ? List.of() : List.of(Given.MALFORMED);
			}
			List<Given> given = new ArrayList<>();
			for (JsonNode answer : answers) {
				given.add(one(answer));
			}
			return given;
		}

		private static Given one(JsonNode answer) {
			if (answer == null || answer.isNull()) {
				return Given.NONE;
			}
			if (answer.isString()) {
				return Given.text(answer.asString());
			}
			if (answer.isArray()) {
				List<String> items = new ArrayList<>();
				for (JsonNode item : answer) {
					if (!item.isString()) {
						return Given.MALFORMED;
					}
					items.add(item.asString());
				}
				return Given.items(items);
			}
			return Given.MALFORMED;
		}
	}

	@PostMapping
	ResponseEntity<SurveyView> create(@RequestBody SurveyBody body) {
		Survey survey = surveys.create(body.command());
		return ResponseEntity.created(URI.create("/api/v1/surveys/" + survey.id())).body(SurveyView.of(survey));
	}

	@GetMapping
	List<SurveyView> list(@RequestParam(required = false) Long orgUnitId) {
		return surveys.list(orgUnitId).stream().map(SurveyView::of).toList();
	}

	@GetMapping("/{id}")
	SurveyView one(@PathVariable long id) {
		return SurveyView.of(surveys.readable(id));
	}

	@PutMapping("/{id}")
	SurveyView edit(@PathVariable long id, @RequestBody SurveyBody body) {
		return SurveyView.of(surveys.edit(id, body.command()));
	}

	@PostMapping("/{id}/close")
	SurveyView close(@PathVariable long id) {
		return SurveyView.of(surveys.setOpen(id, false));
	}

	@PostMapping("/{id}/open")
	SurveyView open(@PathVariable long id) {
		return SurveyView.of(surveys.setOpen(id, true));
	}

	@PostMapping("/{id}/responses")
	ResponseEntity<Map<String, Long>> respond(@PathVariable long id, @RequestBody ResponseBody body, HttpServletRequest request,
			HttpServletResponse response) {
		try {
			long created = surveys.respond(id, body.phone(), body.given(), request.getRemoteAddr());
			return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", created));
		} catch (TooManyAttempts e) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
			throw e;
		}
	}

	@GetMapping("/{id}/results")
	Results results(@PathVariable long id) {
		return surveys.results(id);
	}
}
