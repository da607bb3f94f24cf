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

	/**
	 * The activity's page; a wrong code shows the code box again with the reason, a finished activity says so, and the
	 * phone that checked a volunteer in is asked whether to check out (the second scan).
	 */
	@GetMapping("/c/{code}")
	String page(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
		Activity activity = opened(code, model, request, response);
		if (activity != null) {
			checkIns.closedAt(activity).ifPresent(closed -> model.addAttribute("closed", messages.of(request, "checkin.closed",
					ActivityDocuments.TIME.format(closed))));
			checkIns.pendingCheckOut(activity, knownDevice(request)).ifPresent(answer -> ask(answer, model, request));
		}
		return VIEW;
	}

	@PostMapping("/c/{code}/out")
	String checkOut(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
		Activity activity = opened(code, model, request, response);
		if (activity == null) {
			return VIEW;
		}
		String device = knownDevice(request);
		try {
			if (device == null) {
				throw new UserFacingException(HttpStatus.FORBIDDEN, "check_out_needs_device", "checkin.check-out-device");
			}
			done(checkIns.checkOut(code, device, request.getRemoteAddr()), activity, model, request);
		} catch (UserFacingException e) {
			refused(e, model, request, response);
		}
		return VIEW;
	}

	@PostMapping("/c/{code}")
	String register(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			@RequestParam(defaultValue = "RESIDENT") Participant.Role role, Model model, HttpServletRequest request, HttpServletResponse response) {
		String device = device(request, response);
		Activity activity = opened(code, model, request, response);
		if (activity == null) {
			return VIEW;
		}
		try {
			SelfCheckIn.Answer answer = checkIns.submit(code, name, phone, role, device, request.getRemoteAddr());
			if (answer.step() == SelfCheckIn.Step.ASK_CHECK_OUT) {
				ask(answer, model, request);
			} else {
				done(answer, activity, model, request);
			}
		} catch (UserFacingException e) {
			refused(e, model, request, response);
			model.addAttribute("name", name);
			model.addAttribute("phone", phone);
		}
		return VIEW;
	}

	/** The activity behind the code, on the model; null (with the reason, and the code box shown again) for none. */
	private Activity opened(String code, Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			Activity activity = checkIns.open(code, request.getRemoteAddr());
			model.addAttribute("activity", activity);
			return activity;
		} catch (UserFacingException e) {
			refused(e, model, request, response);
			return null;
		}
	}

	private void ask(SelfCheckIn.Answer answer, Model model, HttpServletRequest request) {
		model.addAttribute("ask", messages.of(request, "checkin.ask-check-out", answer.name(), answer.minutes()));
	}

	private void done(SelfCheckIn.Answer answer, Activity activity, Model model, HttpServletRequest request) {
		String text = switch (answer.step()) {
			case SIGNED_UP -> messages.of(request, "checkin.signed-up", answer.name(), activity.title());
			case CHECKED_IN -> messages.of(request, "checkin.checked-in", answer.name(), activity.title());
			case ASK_CHECK_OUT, CHECKED_OUT -> answer.minutes() == null
					? messages.of(request, "checkin.checked-out", answer.name(), activity.title())
					: messages.of(request, "checkin.checked-out.minutes", answer.name(), activity.title(), answer.minutes());
		};
		model.addAttribute("done", text);
		if (answer.step() == SelfCheckIn.Step.CHECKED_OUT && checkIns.shortService(answer.minutes())) {
			model.addAttribute("warning", messages.of(request, "checkin.short-service", checkIns.minimumServiceMinutes()));
		}
	}

	private void refused(UserFacingException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		if (e instanceof TooManyAttempts throttled) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
		}
		response.setStatus(e.status().value());
		model.addAttribute("error", messages.of(request, e));
	}

	/** The device token this phone already holds, or null. */
	private static String knownDevice(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (cookie.getName().equals(DEVICE_COOKIE) && SelfCheckIn.isDevice(cookie.getValue())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** The phone's device token, set (or renewed) as an HttpOnly cookie scoped to the check-in pages. */
	private String device(HttpServletRequest request, HttpServletResponse response) {
		String token = knownDevice(request);
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
