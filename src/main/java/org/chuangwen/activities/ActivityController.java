package org.chuangwen.activities;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.Upload;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.QrCodes;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@Controller
class ActivityController {

	static final String LIST = "activities/list";
	static final String FORM = "activities/form";
	static final String DETAIL = "activities/activity";
	static final String CALENDAR = "activities/calendar";
	static final String COVERAGE = "activities/coverage";
	static final String ISSUE = "activities/issue";
	/** The parts of the activity page that htmx swaps: a notice after a change, and the two lists that change. */
	static final String NOTICE = DETAIL + " :: notice";
	static final String STAGES = DETAIL + " :: stages";
	static final String PARTICIPANTS = DETAIL + " :: participants";
	/** Events the activity page's parts listen to ({@code hx-trigger="stagesChanged from:body"}) to fetch themselves again. */
	static final String STAGES_CHANGED = "stagesChanged";
	static final String PARTICIPANTS_CHANGED = "participantsChanged";
	static final String HX_REQUEST = "HX-Request";
	static final String HX_TRIGGER = "HX-Trigger";

	private final Activities activities;
	private final ActivityDrafts drafts;
	private final ActivityCalendar calendar;
	private final IssuedPlans plans;
	private final OutreachCoverage coverage;
	private final Catalog catalog;
	private final UserMessages messages;

	ActivityController(Activities activities, ActivityDrafts drafts, ActivityCalendar calendar, IssuedPlans plans, OutreachCoverage coverage,
			Catalog catalog, UserMessages messages) {
		this.activities = activities;
		this.drafts = drafts;
		this.calendar = calendar;
		this.plans = plans;
		this.coverage = coverage;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/activities")
	String list(Model model) {
		model.addAttribute("activities", activities.list(null, null, 100));
		model.addAttribute("awaiting", plans.awaiting());
		model.addAttribute("issued", plans.issuedByPlan());
		model.addAttribute("today", plans.today());
		return LIST;
	}

	@GetMapping("/activities/new")
	String form(@RequestParam(required = false) String festival, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) Long plan, @RequestParam(required = false) Long unit, Model model) {
		model.addAttribute("form", drafts.draft(festival, date, plan, unit));
		addChoices(model);
		return FORM;
	}

	@PostMapping("/activities")
	String plan(NewActivity form, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Activity planned;
		try {
			planned = activities.plan(form);
		} catch (UserFacingException e) {
			response.setStatus(e.status().value());
			model.addAttribute("form", form);
			model.addAttribute("error", messages.of(request, e));
			addChoices(model);
			return FORM;
		}
		redirect.addFlashAttribute("flash", messages.of(request, "activity.planned", planned.title()));
		return "redirect:/activities/" + planned.id();
	}

	@GetMapping("/activities/{id}")
	String detail(@PathVariable long id, Model model, HttpServletRequest request) {
		Activity activity = activities.find(id);
		model.addAttribute("activity", activity);
		model.addAttribute("participants", activities.participants(id));
		model.addAttribute("photos", activities.photos(id));
		model.addAttribute("checkInUrl", checkInUrl(activity));
		model.addAttribute("buildings", activities.buildingChoices(activity));
		model.addAttribute("history", activities.history(id));
		model.addAttribute("edition", catalog.active());
		if (!model.containsAttribute("correction")) {
			model.addAttribute("correction", ActivityCorrectionForm.of(activity));
		}
		return DETAIL;
	}

	/** Corrects title, times, place or indicators; a refusal shows the page again with what was typed and why. */
	@PostMapping("/activities/{id}/correct")
	String correct(@PathVariable long id, ActivityCorrectionForm form, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			activities.correct(id, form.toCorrection());
		} catch (UserFacingException e) {
			if (e.status().value() != 400) {
				throw e;
			}
			response.setStatus(e.status().value());
			model.addAttribute("correction", form);
			model.addAttribute("error", messages.of(request, e));
			return detail(id, model, request);
		}
		redirect.addFlashAttribute("flash", messages.of(request, "activity.corrected"));
		return "redirect:/activities/" + id;
	}

	@PostMapping("/activities/{id}/materials")
	String fileStage(@PathVariable long id, @RequestParam String stage, @RequestParam(required = false) String title,
			@RequestParam(required = false) LocalDate dateFormed,
			@RequestParam(required = false) String link, @RequestParam(name = "file", required = false) List<MultipartFile> files,
			@RequestHeader(name = HX_REQUEST, defaultValue = "false") boolean htmx, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		MaterialDetails filed = activities.fileStage(id, stage, title, dateFormed, link, Upload.of(files));
		return changed(id, STAGES_CHANGED, filedMessage(filed, request), htmx, model, response, redirect);
	}

	@PostMapping("/activities/{id}/plan")
	String filePlan(@PathVariable long id, @RequestHeader(name = HX_REQUEST, defaultValue = "false") boolean htmx, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return changed(id, STAGES_CHANGED, filedMessage(activities.filePlan(id), request), htmx, model, response, redirect);
	}

	@PostMapping("/activities/{id}/signups")
	String fileSignups(@PathVariable long id, @RequestHeader(name = HX_REQUEST, defaultValue = "false") boolean htmx, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return changed(id, STAGES_CHANGED, filedMessage(activities.fileSignups(id), request), htmx, model, response, redirect);
	}

	@PostMapping("/activities/{id}/attendance")
	String fileAttendance(@PathVariable long id, @RequestHeader(name = HX_REQUEST, defaultValue = "false") boolean htmx, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return changed(id, STAGES_CHANGED, filedMessage(activities.fileAttendance(id), request), htmx, model, response, redirect);
	}

	/** htmx: the stage list, fetched again when {@value #STAGES_CHANGED} fires; the page itself otherwise. */
	@GetMapping("/activities/{id}/stages")
	String stages(@PathVariable long id, @RequestHeader(name = HX_REQUEST, defaultValue = "false") boolean htmx, Model model) {
		if (!htmx) {
			return "redirect:/activities/" + id;
		}
		model.addAttribute("activity", activities.find(id));
		return STAGES;
	}

	/** htmx: the participants with their counts, fetched again when {@value #PARTICIPANTS_CHANGED} fires. */
	@GetMapping("/activities/{id}/participants")
	String participants(@PathVariable long id, @RequestHeader(name = HX_REQUEST, defaultValue = "false") boolean htmx, Model model) {
		if (!htmx) {
			return "redirect:/activities/" + id;
		}
		model.addAttribute("activity", activities.find(id));
		model.addAttribute("participants", activities.participants(id));
		return PARTICIPANTS;
	}

	@PostMapping("/activities/{id}/check-ins")
	String checkIn(@PathVariable long id, @RequestParam String name, @RequestParam String phone,
			@RequestParam(defaultValue = "RESIDENT") Participant.Role role, @RequestHeader(name = HX_REQUEST, defaultValue = "false") boolean htmx,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Participant p = activities.checkIn(id, name, phone, role);
		return changed(id, PARTICIPANTS_CHANGED, messages.of(request, "activity.checked-in.flash", p.name()), htmx, model, response, redirect);
	}

	@PostMapping("/activities/{id}/participants/{participant}/attended")
	String attended(@PathVariable long id, @PathVariable long participant, @RequestHeader(name = HX_REQUEST, defaultValue = "false") boolean htmx,
			Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		activities.markAttended(id, participant);
		if (!htmx) {
			return "redirect:/activities/" + id;
		}
		return changed(id, PARTICIPANTS_CHANGED, messages.of(request, "activity.attended.notice"), true, model, response, redirect);
	}

	/** htmx: the full phone number in place of the masked one (audited). */
	@PostMapping("/activities/{id}/participants/{participant}/phone")
	@ResponseBody
	String revealPhone(@PathVariable long id, @PathVariable long participant) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(activities.revealPhone(id, participant));
	}

	@PostMapping("/activities/{id}/reach")
	String reach(@PathVariable long id, @RequestParam(name = "building", required = false) List<Long> buildings, HttpServletRequest request,
			RedirectAttributes redirect) {
		activities.reach(id, buildings == null ? List.of() : buildings);
		redirect.addFlashAttribute("flash", messages.of(request, "activity.reach-saved"));
		return "redirect:/activities/" + id;
	}

	@GetMapping("/activities/{id}/briefing.docx")
	ResponseEntity<byte[]> briefing(@PathVariable long id, @RequestParam(name = "photo", required = false) List<String> photos) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		activities.writeBriefing(id, photos, out);
		return docx(activities.find(id).title() + "简报(草稿).docx", out.toByteArray());
	}

	@GetMapping("/activities/{id}/summary.docx")
	ResponseEntity<byte[]> summary(@PathVariable long id) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		activities.writeSummary(id, out);
		return docx(activities.find(id).title() + "总结(草稿).docx", out.toByteArray());
	}

	@GetMapping(value = "/activities/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@ResponseBody
	byte[] qr(@PathVariable long id) {
		return QrCodes.png(checkInUrl(activities.find(id)), 360);
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month, Model model) {
		ActivityCalendar.Month shown = calendar.month(year, month);
		model.addAttribute("month", shown.month());
		model.addAttribute("weeks", shown.weeks());
		model.addAttribute("festivalsByDay", shown.festivalsByDay());
		model.addAttribute("activitiesByDay", shown.activitiesByDay());
		model.addAttribute("festivals", shown.festivals());
		model.addAttribute("today", shown.today());
		model.addAttribute("now", shown.now());
		return CALENDAR;
	}

	@GetMapping("/activities/coverage")
	String coverage(@RequestParam(required = false) Long unit, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Model model) {
		model.addAttribute("result", coverage.forCaller(unit, from, to));
		model.addAttribute("communities", coverage.communities());
		return COVERAGE;
	}

	@GetMapping("/activities/issue")
	String issueForm(Model model) {
		model.addAttribute("streets", plans.streetsToIssueFrom());
		model.addAttribute("communities", plans.communitiesToIssueTo());
		model.addAttribute("categories", activities.categories());
		model.addAttribute("today", plans.today());
		return ISSUE;
	}

	@PostMapping("/activities/issue")
	String issue(@RequestParam long street, @RequestParam String title, @RequestParam(required = false) LocalDate dateFormed,
			@RequestParam(required = false) String documentNumber, @RequestParam(required = false) LocalDate respondBy,
			@RequestParam(required = false) String category, @RequestParam(name = "community", required = false) List<Long> communities,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, HttpServletRequest request, RedirectAttributes redirect) {
		plans.issue(street, new PlanDocument(title, dateFormed, documentNumber, respondBy), category, communities, List.of(), Upload.of(files));
		redirect.addFlashAttribute("flash", messages.of(request, "plan.issued", title));
		return "redirect:/activities";
	}

	@PostMapping("/activities/issue/{plan}/remind/{community}")
	String remind(@PathVariable long plan, @PathVariable long community, HttpServletRequest request, RedirectAttributes redirect) {
		plans.remind(plan, community);
		redirect.addFlashAttribute("flash", messages.of(request, "plan.reminded"));
		return "redirect:/activities";
	}

	private String filedMessage(MaterialDetails filed, HttpServletRequest request) {
		return messages.of(request, "activity.stage-filed", filed.row().title(), filed.row().kind(),
				String.join("、", filed.indicators().stream().map(Indicator::code).toList()));
	}

	/**
	 * After a change: for htmx the notice, and {@code event} for the parts of the page that show what changed; for a
	 * plain form the page again with the message as flash (Post/Redirect/Get).
	 */
	private static String changed(long id, String event, String message, boolean htmx, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (htmx) {
			response.setHeader(HX_TRIGGER, event);
			model.addAttribute("notice", message);
			return NOTICE;
		}
		redirect.addFlashAttribute("flash", message);
		return "redirect:/activities/" + id;
	}

	private void addChoices(Model model) {
		model.addAttribute("categoryGroups", activities.categoryGroups());
		model.addAttribute("edition", catalog.active());
		model.addAttribute("units", drafts.units());
		model.addAttribute("festivalChoices", drafts.festivalChoices());
	}

	static String checkInUrl(Activity activity) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/c/{code}").buildAndExpand(activity.checkInCode()).toUriString();
	}

	static ResponseEntity<byte[]> docx(String fileName, byte[] bytes) {
		return Downloads.of(fileName, Downloads.DOCX, bytes);
	}
}
