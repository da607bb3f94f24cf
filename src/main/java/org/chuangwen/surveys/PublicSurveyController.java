package org.chuangwen.surveys;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.platform.TooManyAttempts;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a resident opens on a phone from a survey's QR code or short code: no login, the code is the key, large
 * type, the phone number first. A refusal is shown on the page with the answers kept, so nothing typed is lost.
 */
@Controller
class PublicSurveyController {

	static final String VIEW = "surveys/answer";

	private final Surveys surveys;
	private final UserMessages messages;

	PublicSurveyController(Surveys surveys, UserMessages messages) {
		this.surveys = surveys;
		this.messages = messages;
	}

	@GetMapping("/s")
	String enterCode(@RequestParam(required = false) String code) {
		return code == null || code.isBlank() || !code.strip().matches("[A-Za-z0-9]{1,12}") ? VIEW : "redirect:/s/" + code.strip().toUpperCase();
	}

	@GetMapping("/s/{code}")
	String page(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			model.addAttribute("survey", surveys.byCode(code, request.getRemoteAddr()));
		} catch (UserFacingException e) {
			refuse(e, model, request, response);
		}
		return VIEW;
	}

	@PostMapping("/s/{code}")
	String answer(@PathVariable String code, @RequestParam(required = false) String phone, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Survey survey;
		try {
			survey = surveys.byCode(code, request.getRemoteAddr());
		} catch (UserFacingException e) {
			refuse(e, model, request, response);
			return VIEW;
		}
		model.addAttribute("survey", survey);
		try {
			surveys.respondByCode(code, phone, Answers.from(survey, request.getParameterMap()), request.getRemoteAddr());
			model.addAttribute("done", messages.of(request, "surveys.answer.thanks"));
		} catch (UserFacingException e) {
			refuse(e, model, request, response);
			model.addAttribute("phone", phone);
			model.addAttribute("given", request.getParameterMap());
		}
		return VIEW;
	}

	private void refuse(UserFacingException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (e instanceof TooManyAttempts throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
		}
		response.setStatus(e.status().value());
		model.addAttribute("error", messages.of(request, e));
	}
}
