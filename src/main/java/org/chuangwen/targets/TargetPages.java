package org.chuangwen.targets;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.evidence.Upload;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The targets pages: a community's targets (with the declare form), a street's matrix of communities × targets, a
 * community's facilities against the standards, and the plans' tasks. Writes are Post/Redirect/Get.
 */
@Controller
class TargetPages {

	static final String TARGETS = "targets/targets";
	static final String MATRIX = "targets/matrix";
	static final String FACILITIES = "targets/facilities";
	static final String PLANS = "targets/plans";

	private final Targets targets;
	private final Facilities facilities;
	private final PlanTasks tasks;
	private final UserMessages messages;

	TargetPages(Targets targets, Facilities facilities, PlanTasks tasks, UserMessages messages) {
		this.targets = targets;
		this.facilities = facilities;
		this.tasks = tasks;
		this.messages = messages;
	}

	@GetMapping("/targets")
	String targets(@RequestParam(required = false) Long orgUnitId, Model model) {
		Long unit = orgUnitId != null ? orgUnitId : targets.defaultCommunity();
		model.addAttribute("communities", targets.communities());
		model.addAttribute("unitId", unit);
		model.addAttribute("targets", unit == null ? List.of() : targets.of(unit));
		return TARGETS;
	}

	@PostMapping("/targets/{key}/declarations")
	String declare(@PathVariable String key, @RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) BigDecimal value,
			@RequestParam(required = false) Long materialId, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			Declarations.Declaration d = targets.declare(key, orgUnitId, value, materialId);
			redirect.addFlashAttribute("flash", messages.of(request, "targets.declared", d.value().toPlainString()));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		redirect.addAttribute("orgUnitId", orgUnitId);
		return "redirect:/targets";
	}

	@GetMapping("/targets/matrix")
	String matrix(@RequestParam(required = false) Long orgUnitId, Model model) {
		model.addAttribute("matrix", targets.matrix(orgUnitId));
		return MATRIX;
	}

	@GetMapping("/facilities")
	String facilities(@RequestParam(required = false) Long orgUnitId, Model model) {
		Long unit = orgUnitId != null ? orgUnitId : targets.defaultCommunity();
		model.addAttribute("communities", targets.communities());
		model.addAttribute("kinds", FacilityKind.values());
		if (unit != null) {
			model.addAttribute("view", targets.facilities(unit));
		}
		return FACILITIES;
	}

	@PostMapping("/facilities")
	String record(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) BigDecimal area, @RequestParam(required = false) Integer books,
			@RequestParam(defaultValue = "false") boolean fitnessPath, @RequestParam(defaultValue = "true") boolean present,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFormed,
			@RequestParam(name = "photo", required = false) List<MultipartFile> photos, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			Facilities.Facility f = facilities.record(new Facilities.NewFacility(orgUnitId, kind, area, books, fitnessPath, present, dateFormed),
					Upload.of(photos));
			redirect.addFlashAttribute("flash", messages.of(request, "facilities.saved", f.kind().label));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		redirect.addAttribute("orgUnitId", orgUnitId);
		return "redirect:/facilities";
	}

	@GetMapping("/plans")
	String plans(@RequestParam(required = false) Long orgUnitId, Model model) {
		Long unit = orgUnitId != null ? orgUnitId : targets.defaultCommunity();
		model.addAttribute("communities", targets.communities());
		model.addAttribute("unitId", unit);
		model.addAttribute("plans", unit == null ? List.of() : tasks.of(unit));
		model.addAttribute("statuses", PlanTasks.Status.values());
		return PLANS;
	}

	@PostMapping("/plans/tasks/{key}/status")
	String setStatus(@PathVariable String key, @RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			PlanTasks.Change c = tasks.set(key, orgUnitId, status, note);
			redirect.addFlashAttribute("flash", messages.of(request, "plans.status-set", c.label()));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		redirect.addAttribute("orgUnitId", orgUnitId);
		return "redirect:/plans";
	}
}
