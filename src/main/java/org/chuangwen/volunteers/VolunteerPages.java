package org.chuangwen.volunteers;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The workers' pages: the volunteer list, a volunteer with records and totals (hand entry, approval, correction,
 * certificate), teams, and the records waiting for confirmation. A refused form comes back to its page with the
 * Chinese message (Post/Redirect/Get).
 */
@Controller
class VolunteerPages {

	static final String LIST = "volunteers/list";
	static final String DETAIL = "volunteers/volunteer";
	static final String TEAMS = "volunteers/teams";
	static final String TEAM = "volunteers/team";
	static final String PENDING = "volunteers/pending";
	private static final int PAGE_SIZE = 20;

	private final Volunteers volunteers;
	private final UserMessages messages;

	VolunteerPages(Volunteers volunteers, UserMessages messages) {
		this.volunteers = volunteers;
		this.messages = messages;
	}

	@GetMapping("/volunteers")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("found", volunteers.search(q, page, PAGE_SIZE));
		model.addAttribute("q", q);
		model.addAttribute("teams", volunteers.teams());
		return LIST;
	}

	@PostMapping("/volunteers")
	String register(@RequestParam(required = false) String name, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String idNumber, @RequestParam(required = false) String residence,
			@RequestParam(required = false) String skills, @RequestParam(required = false) String serviceTypes,
			@RequestParam(required = false) String team, HttpServletRequest request, RedirectAttributes redirect) {
		return attempt(request, redirect, "/volunteers", () -> {
			Volunteer v = volunteers.register(new NewVolunteer(null, name, phone, idNumber, residence, skills, serviceTypes, team, null));
			redirect.addFlashAttribute("flash", messages.of(request, "volunteer.registered", v.name(), v.number()));
			return "/volunteers/" + v.id();
		});
	}

	@GetMapping("/volunteers/{id}")
	String volunteer(@PathVariable long id, Model model) {
		model.addAttribute("details", volunteers.details(id));
		return DETAIL;
	}

	@PostMapping(value = "/volunteers/{id}/phone", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String revealPhone(@PathVariable long id) {
		return volunteers.revealPhone(id);
	}

	@PostMapping("/volunteers/{id}/records")
	String enter(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) String content,
			@RequestParam(required = false) String place, @RequestParam(required = false) String title, @RequestParam(required = false) String organizer,
			@RequestParam(required = false) String leader, @RequestParam(required = false) String served, HttpServletRequest request,
			RedirectAttributes redirect) {
		return attempt(request, redirect, "/volunteers/" + id, () -> {
			volunteers.enter(id, new HandEntry(date, hours, content, place, title, organizer, leader, served));
			redirect.addFlashAttribute("flash", messages.of(request, "volunteer.record-entered"));
			return "/volunteers/" + id;
		});
	}

	@PostMapping("/volunteers/records/{record}/approval")
	String approve(@PathVariable long record, @RequestParam(defaultValue = "") String back, HttpServletRequest request, RedirectAttributes redirect) {
		String to = back.equals("pending") ? "/volunteers/pending" : "/volunteers/" + volunteers.record(record).volunteerId();
		return attempt(request, redirect, to, () -> {
			volunteers.approve(record);
			redirect.addFlashAttribute("flash", messages.of(request, "volunteer.record-approved"));
			return to;
		});
	}

	@PostMapping("/volunteers/records/{record}/correction")
	String correct(@PathVariable long record, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) BigDecimal hours, @RequestParam(required = false) String content, @RequestParam(required = false) String reason,
			HttpServletRequest request, RedirectAttributes redirect) {
		String to = "/volunteers/" + volunteers.record(record).volunteerId();
		return attempt(request, redirect, to, () -> {
			volunteers.correct(record, date, hours, content, reason);
			redirect.addFlashAttribute("flash", messages.of(request, "volunteer.record-corrected"));
			return to;
		});
	}

	@GetMapping("/volunteers/{id}/certificate.docx")
	ResponseEntity<byte[]> certificate(@PathVariable long id, @RequestParam(required = false) String leader,
			@RequestParam(required = false) String contact) {
		Volunteers.Certificate issued = volunteers.issueCertificate(id, leader, contact,
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/v/").toUriString());
		return Downloads.of(issued.fileName(), Downloads.DOCX, issued.docx());
	}

	@GetMapping("/volunteers/pending")
	String pending(Model model) {
		List<ServiceRecord> records = volunteers.pending(500);
		Map<Long, List<ServiceRecord>> byActivity = new LinkedHashMap<>();
		for (ServiceRecord r : records) {
			if (r.activityId() != null) {
				byActivity.computeIfAbsent(r.activityId(), k -> new java.util.ArrayList<>()).add(r);
			}
		}
		model.addAttribute("byActivity", byActivity);
		model.addAttribute("manual", records.stream().filter(ServiceRecord::manual).toList());
		return PENDING;
	}

	@PostMapping("/volunteers/activities/{activity}/confirmation")
	String confirm(@PathVariable long activity, HttpServletRequest request, RedirectAttributes redirect) {
		return attempt(request, redirect, "/volunteers/pending", () -> {
			Confirmation done = volunteers.confirmActivity(activity);
			redirect.addFlashAttribute("flash", messages.of(request, "volunteer.activity-confirmed", done.confirmed(), done.withoutHours()));
			return "/volunteers/pending";
		});
	}

	@GetMapping("/volunteers/teams")
	String teams(@RequestParam(required = false) Integer year, Model model) {
		model.addAttribute("teams", volunteers.teams());
		model.addAttribute("totals", volunteers.totals(null, year));
		return TEAMS;
	}

	@PostMapping("/volunteers/teams")
	String createTeam(@RequestParam(required = false) String name, @RequestParam(required = false) String serviceArea,
			@RequestParam(required = false) String skills, @RequestParam(required = false) Long charterMaterialId,
			@RequestParam(required = false) Long chartMaterialId, HttpServletRequest request, RedirectAttributes redirect) {
		return attempt(request, redirect, "/volunteers/teams", () -> {
			Team team = volunteers.createTeam(null, name, serviceArea, skills, charterMaterialId, chartMaterialId);
			redirect.addFlashAttribute("flash", messages.of(request, "volunteer.team-created", team.name()));
			return "/volunteers/teams/" + team.id();
		});
	}

	@GetMapping("/volunteers/teams/{id}")
	String team(@PathVariable long id, Model model) {
		model.addAttribute("team", volunteers.team(id));
		model.addAttribute("members", volunteers.members(id));
		return TEAM;
	}

	/** Runs a form's work; a refusal goes back to {@code back} with its message instead of an error page. */
	private String attempt(HttpServletRequest request, RedirectAttributes redirect, String back, Supplier<String> work) {
		try {
			return "redirect:" + work.get();
		} catch (UserFacingException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("refusal", messages.of(request, e));
			return "redirect:" + back;
		}
	}
}
