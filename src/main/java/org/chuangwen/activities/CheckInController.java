package org.chuangwen.activities;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.chuangwen.platform.TooManyAttempts;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a resident or volunteer opens on a phone from the activity's QR code or short code: no login, the code is
 * the key. Before check-in opens it signs up, while open it checks in (a volunteer already in checks out). The phone
 * keeps a device cookie, so that what it registered is recognised as its own ({@link SelfCheckIn}).
 */
@Controller
class CheckInController {

	static final String VIEW = "activities/check-in";
	static final String DEVICE_COOKIE = "cw_device";
	/** Longer than any activity lasts, and within what browsers keep (400 days). */
	private static final Duration DEVICE_KEPT = Duration.ofDays(365);

	private final SelfCheckIn checkIns;
	private final UserMessages messages;

	CheckInController(SelfCheckIn checkIns, UserMessages messages) {
		this.checkIns = checkIns;
		this.messages = messages;
	}

	@GetMapping("/c")
	String enterCode(@RequestParam(required = false) String code) {
		return code == null || code.isBlank() ? VIEW : "redirect:/c/" + code.strip().toUpperCase();
	}

	@GetMapping("/c/{code}")
	String page(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			model.addAttribute("activity", checkIns.open(code, request.getRemoteAddr()));
		} catch (TooManyAttempts e) {
			refuse(e, model, request, response);
		}
		return VIEW;
	}

	@PostMapping("/c/{code}")
	String register(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			@RequestParam(defaultValue = "RESIDENT") Participant.Role role, Model model, HttpServletRequest request, HttpServletResponse response) {
		String device = device(request, response);
		Activity activity;
		try {
			activity = checkIns.open(code, request.getRemoteAddr());
		} catch (TooManyAttempts e) {
			refuse(e, model, request, response);
			return VIEW;
		}
		model.addAttribute("activity", activity);
		try {
			SelfCheckIn.Answer answer = checkIns.submit(code, name, phone, role, device, request.getRemoteAddr());
			String key = switch (answer.step()) {
				case SIGNED_UP -> "checkin.signed-up";
				case CHECKED_IN -> "checkin.checked-in";
				case CHECKED_OUT -> "checkin.checked-out";
			};
			model.addAttribute("done", messages.of(request, key, answer.name(), activity.title()));
		} catch (UserFacingException e) {
			if (e instanceof TooManyAttempts throttled) {
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
			}
			response.setStatus(e.status().value());
			model.addAttribute("error", messages.of(request, e));
			model.addAttribute("name", name);
			model.addAttribute("phone", phone);
		}
		return VIEW;
	}

	private void refuse(TooManyAttempts e, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
		model.addAttribute("error", messages.of(request, e));
	}

	/** The phone's device token, set (or renewed) as an HttpOnly cookie scoped to the check-in pages. */
	private String device(HttpServletRequest request, HttpServletResponse response) {
		String token = null;
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (cookie.getName().equals(DEVICE_COOKIE) && SelfCheckIn.isDevice(cookie.getValue())) {
					token = cookie.getValue();
				}
			}
		}
		if (token == null) {
			token = checkIns.newDevice();
		}
		ResponseCookie cookie = ResponseCookie.from(DEVICE_COOKIE, token)
				.httpOnly(true)
				.secure(request.isSecure())
				.sameSite("Lax")
				.path(request.getContextPath() + "/c")
				.maxAge(DEVICE_KEPT)
				.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return token;
	}
}
