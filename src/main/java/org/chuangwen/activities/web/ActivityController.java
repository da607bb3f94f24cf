package org.chuangwen.activities.web;

import static org.chuangwen.platform.Zones.SHANGHAI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chuangwen.activities.Activities;
import org.chuangwen.activities.Activity;
import org.chuangwen.activities.Festivals;
import org.chuangwen.activities.IssuedPlan;
import org.chuangwen.activities.IssuedPlans;
import org.chuangwen.activities.OutreachCoverage;
import org.chuangwen.activities.Participant;
import org.chuangwen.activities.QrCodes;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

	private final Activities activities;
	private final IssuedPlans plans;
	private final Festivals festivals;
	private final OutreachCoverage coverage;
	private final Catalog catalog;
	private final DataScope scope;
	private final Orgs orgs;
	private final UserMessages messages;
	private final Clock clock;

	ActivityController(Activities activities, IssuedPlans plans, Festivals festivals, OutreachCoverage coverage, Catalog catalog, DataScope scope,
			Orgs orgs, UserMessages messages, Clock clock) {
		this.activities = activities;
		this.plans = plans;
		this.festivals = festivals;
		this.coverage = coverage;
		this.catalog = catalog;
		this.scope = scope;
		this.orgs = orgs;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/activities")
	String list(Model model) {
		model.addAttribute("activities", activities.list(null, null, 100));
		model.addAttribute("awaiting", plans.awaiting());
		model.addAttribute("issued", plans.issued().stream().collect(Collectors.groupingBy(IssuedPlan::id, java.util.LinkedHashMap::new, Collectors.toList())));
		return LIST;
	}

	@GetMapping("/activities/new")
	String form(@RequestParam(required = false) String festival, @RequestParam(required = false) LocalDate date,
			@RequestParam(required = false) Long plan, @RequestParam(required = false) Long unit, Model model) {
		Long unitId = scope.writable(unit == null ? scope.user().orgUnitId() : unit).id();
		LocalDate day = date != null ? date : LocalDate.now(clock.withZone(SHANGHAI)).plusDays(7);
		String category = null;
		String title = null;
		if (festival != null) {
			category = festivals.find(day.getYear(), festival).map(Festivals.Festival::category).orElse("我们的节日");
			title = day.getYear() + "年" + festival + "“我们的节日”主题活动";
			if (!"我们的节日".equals(category)) {
				title = day.getYear() + "年" + festival + "主题活动";
			}
		}
		if (plan != null) {
			long community = orgs.find(unitId).flatMap(orgs::communityOf).map(OrgUnit::id).orElse(unitId);
			IssuedPlan issued = plans.forCommunity(plan, community);
			title = issued.title();
			category = issued.category();
		}
		List<String> codes = category == null ? List.of()
				: activities.indicatorsOf(activities.category(category)).stream().map(Indicator::code).toList();
		model.addAttribute("form", new ActivityForm(unitId, title, category, codes, day.atTime(LocalTime.of(9, 0)), day.atTime(LocalTime.of(11, 0)),
				null, null, null, null, null, null, festival, plan));
		addChoices(model);
		return FORM;
	}

	@PostMapping("/activities")
	String plan(ActivityForm form, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Activity planned;
		try {
			planned = activities.plan(form.toCommand());
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
		model.addAttribute("buildings", orgs.find(activity.orgUnitId()).flatMap(orgs::communityOf)
				.map(c -> orgs.within(c.path()).stream().filter(u -> u.kind() == OrgKind.BUILDING).toList()).orElse(List.of()));
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
			HttpServletRequest request, RedirectAttributes redirect) {
		MaterialDetails filed = activities.fileStage(id, stage, title, dateFormed, link, Upload.of(files));
		return filed(id, filed, request, redirect);
	}

	@PostMapping("/activities/{id}/plan")
	String filePlan(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		return filed(id, activities.filePlan(id), request, redirect);
	}

	@PostMapping("/activities/{id}/signups")
	String fileSignups(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		return filed(id, activities.fileSignups(id), request, redirect);
	}

	@PostMapping("/activities/{id}/attendance")
	String fileAttendance(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		return filed(id, activities.fileAttendance(id), request, redirect);
	}

	@PostMapping("/activities/{id}/check-ins")
	String checkIn(@PathVariable long id, @RequestParam String name, @RequestParam String phone,
			@RequestParam(defaultValue = "RESIDENT") Participant.Role role, HttpServletRequest request, RedirectAttributes redirect) {
		Participant p = activities.checkIn(id, name, phone, role);
		redirect.addFlashAttribute("flash", messages.of(request, "activity.checked-in.flash", p.name()));
		return "redirect:/activities/" + id;
	}

	@PostMapping("/activities/{id}/participants/{participant}/attended")
	String attended(@PathVariable long id, @PathVariable long participant) {
		activities.markAttended(id, participant);
		return "redirect:/activities/" + id;
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
		YearMonth shown = year == null || month == null ? YearMonth.now(SHANGHAI) : YearMonth.of(year, Math.max(1, Math.min(12, month)));
		List<Festivals.Festival> inMonth = festivals.of(shown.getYear()).stream()
				.filter(f -> YearMonth.from(f.date()).equals(shown)).toList();
		List<Activity> planned = activities.list(shown.atDay(1), shown.plusMonths(1).atDay(1), 500);
		Map<LocalDate, List<Festivals.Festival>> festivalsByDay = inMonth.stream().collect(Collectors.groupingBy(Festivals.Festival::date));
		Map<LocalDate, List<Activity>> activitiesByDay = planned.stream().collect(Collectors.groupingBy(a -> a.startsAt().toLocalDate()));
		model.addAttribute("month", shown);
		model.addAttribute("weeks", CalendarWeeks.of(shown));
		model.addAttribute("festivalsByDay", festivalsByDay);
		model.addAttribute("activitiesByDay", activitiesByDay);
		model.addAttribute("festivals", inMonth);
		model.addAttribute("today", LocalDate.now(clock.withZone(SHANGHAI)));
		model.addAttribute("now", LocalDateTime.now(clock.withZone(SHANGHAI)));
		return CALENDAR;
	}

	@GetMapping("/activities/coverage")
	String coverage(@RequestParam(required = false) Long unit, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Model model) {
		List<OrgUnit> communities = orgs.within(scope.path()).stream().filter(u -> u.kind() == OrgKind.COMMUNITY).toList();
		if (communities.isEmpty()) {
			throw UserFacingException.badRequest("not_a_community", "error.export.community", "");
		}
		long unitId = unit != null ? unit : orgs.find(scope.user().orgUnitId()).flatMap(orgs::communityOf).map(OrgUnit::id)
				.orElse(communities.get(0).id());
		LocalDate end = to != null ? to : LocalDate.now(clock.withZone(SHANGHAI));
		LocalDate start = from != null ? from : end.withDayOfYear(1);
		model.addAttribute("result", coverage.of(unitId, start, end));
		model.addAttribute("communities", communities);
		return COVERAGE;
	}

	@GetMapping("/activities/issue")
	String issueForm(Model model) {
		List<OrgUnit> streets = orgs.within(scope.path()).stream().filter(u -> u.kind() == OrgKind.STREET).toList();
		if (streets.isEmpty() || !scope.canWrite()) {
			throw UserFacingException.forbidden("error.plan.street-only");
		}
		model.addAttribute("streets", streets);
		model.addAttribute("communities", orgs.within(scope.path()).stream().filter(u -> u.kind() == OrgKind.COMMUNITY).toList());
		model.addAttribute("categories", activities.categories());
		return ISSUE;
	}

	@PostMapping("/activities/issue")
	String issue(@RequestParam long street, @RequestParam String title, @RequestParam(required = false) String category,
			@RequestParam(name = "community", required = false) List<Long> communities, @RequestParam(name = "file", required = false) List<MultipartFile> files,
			HttpServletRequest request, RedirectAttributes redirect) {
		plans.issue(street, title, category, communities, List.of(), Upload.of(files));
		redirect.addFlashAttribute("flash", messages.of(request, "plan.issued", title));
		return "redirect:/activities";
	}

	private String filed(long id, MaterialDetails filed, HttpServletRequest request, RedirectAttributes redirect) {
		redirect.addFlashAttribute("flash", messages.of(request, "activity.stage-filed", filed.row().title(), filed.row().kind(),
				String.join("、", filed.indicators().stream().map(Indicator::code).toList())));
		return "redirect:/activities/" + id;
	}

	private void addChoices(Model model) {
		model.addAttribute("categoryGroups", activities.categories().stream()
				.collect(Collectors.groupingBy(c -> c.group(), java.util.LinkedHashMap::new, Collectors.toList())));
		model.addAttribute("edition", catalog.active());
		model.addAttribute("units", orgs.within(scope.path()).stream().filter(u -> u.kind() != OrgKind.CITY && u.kind() != OrgKind.DISTRICT).toList());
		model.addAttribute("festivalChoices", festivals.of(LocalDate.now(clock.withZone(SHANGHAI)).getYear()));
	}

	static String checkInUrl(Activity activity) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/c/{code}").buildAndExpand(activity.checkInCode()).toUriString();
	}

	static ResponseEntity<byte[]> docx(String fileName, byte[] bytes) {
		return Downloads.of(fileName, Downloads.DOCX, bytes);
	}
}
