package org.chuangwen.activities.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chuangwen.activities.Activities;
import org.chuangwen.activities.Activity;
import org.chuangwen.activities.Participant;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a resident or volunteer opens on a phone from the activity's QR code or short code: no login, the code is
 * the key. Before check-in opens it signs up, while open it checks in (a volunteer already in checks out).
 */
@Controller
class CheckInController {

	static final String VIEW = "activities/check-in";

	private final Activities activities;
	private final UserMessages messages;

	CheckInController(Activities activities, UserMessages messages) {
		this.activities = activities;
		this.messages = messages;
	}

	@GetMapping("/c")
	String enterCode(@RequestParam(required = false) String code) {
		return code == null || code.isBlank() ? VIEW : "redirect:/c/" + code.strip().toUpperCase();
	}

	@GetMapping("/c/{code}")
	String page(@PathVariable String code, Model model) {
		model.addAttribute("activity", find(code));
		return VIEW;
	}

	@PostMapping("/c/{code}")
	String register(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			@RequestParam(defaultValue = "RESIDENT") Participant.Role role, Model model, HttpServletRequest request, HttpServletResponse response) {
		Activity activity = find(code);
		model.addAttribute("activity", activity);
		try {
			Participant p = activities.register(code, name, phone, role, false);
			String key = p.checkedOutAt() != null ? "checkin.checked-out" : p.checkedInAt() != null ? "checkin.checked-in" : "checkin.signed-up";
			model.addAttribute("done", messages.of(request, key, p.name(), activity.title()));
		} catch (UserFacingException e) {
			response.setStatus(e.status().value());
			model.addAttribute("error", messages.of(request, e));
			model.addAttribute("name", name);
			model.addAttribute("phone", phone);
		}
		return VIEW;
	}

	private Activity find(String code) {
		return activities.byCode(code).orElseThrow(() -> UserFacingException.notFound("error.activity.code"));
	}
}
