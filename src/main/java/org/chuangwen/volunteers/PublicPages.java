package org.chuangwen.volunteers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.activities.CheckInCodes.CodedActivity;
import org.chuangwen.platform.TooManyAttempts;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The two pages without login: the check of a certificate by its number (from the QR code), and self-registration as a
 * volunteer from an activity's check-in page (the activity's code is the key and decides the unit).
 */
@Controller
class PublicPages {

	static final String VERIFY = "volunteers/verify";
	static final String JOIN = "volunteers/join";

	private final Volunteers volunteers;
	private final UserMessages messages;

	PublicPages(Volunteers volunteers, UserMessages messages) {
		this.volunteers = volunteers;
		this.messages = messages;
	}

	@GetMapping("/v/{number}")
	String verify(@PathVariable String number, Model model, HttpServletResponse response) {
		var check = volunteers.check(number.strip().toUpperCase());
		if (check.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
		}
		model.addAttribute("number", number);
		model.addAttribute("check", check.orElse(null));
		return VERIFY;
	}

	@GetMapping("/v/join/{code}")
	String joinForm(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			model.addAttribute("activity", volunteers.activityOf(code, request.getRemoteAddr()));
		} catch (UserFacingException e) {
			refuse(e, model, request, response);
		}
		return JOIN;
	}

	@PostMapping("/v/join/{code}")
	String join(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String residence,
			@RequestParam(required = false) String skills, @RequestParam(required = false) String serviceTypes, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		CodedActivity activity;
		try {
			activity = volunteers.activityOf(code, request.getRemoteAddr());
		} catch (UserFacingException e) {
			refuse(e, model, request, response);
			return JOIN;
		}
		model.addAttribute("activity", activity);
		try {
			volunteers.registerSelf(code, new NewVolunteer(null, name, phone, idNumber, residence, skills, serviceTypes, null, null), request.getRemoteAddr());
			model.addAttribute("done", messages.of(request, "volunteer.join.done", activity.orgUnitName()));
		} catch (UserFacingException e) {
			refuse(e, model, request, response);
			model.addAttribute("name", name);
			model.addAttribute("phone", phone);
			model.addAttribute("residence", residence);
			model.addAttribute("skills", skills);
			model.addAttribute("serviceTypes", serviceTypes);
		}
		return JOIN;
	}

	private void refuse(UserFacingException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (e instanceof TooManyAttempts throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
		}
		response.setStatus(e.status().value());
		model.addAttribute("error", messages.of(request, e));
	}
}
