package org.chuangwen.inspection;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inspector's pages: the communities to inspect, and the tour of one (boxes, grades, doubt signals, samples), with
 * its forms posting back to the tour (Post/Redirect/Get).
 */
@Controller
class InspectionPages {

	static final String INDEX = "inspection/index";
	static final String TOUR = "inspection/tour";

	private final Inspections inspections;
	private final Grades grades;
	private final Samples samples;
	private final Doubts doubts;
	private final MockReport report;
	private final DataScope scope;
	private final UserMessages messages;

	InspectionPages(Inspections inspections, Grades grades, Samples samples, Doubts doubts, MockReport report, DataScope scope, UserMessages messages) {
		this.inspections = inspections;
		this.grades = grades;
		this.samples = samples;
		this.doubts = doubts;
		this.report = report;
		this.scope = scope;
		this.messages = messages;
	}

	@GetMapping("/inspection")
	String index(Model model) {
		model.addAttribute("communities", inspections.communities());
		model.addAttribute("scopeUnit", scope.user().orgUnitId());
		return INDEX;
	}

	@GetMapping("/inspection/{orgUnitId}")
	String tour(@PathVariable long orgUnitId, Model model) {
		model.addAttribute("tour", inspections.tour(orgUnitId));
		model.addAttribute("grades", Grade.GRADES);
		model.addAttribute("inspects", Grades.inspects(scope.user()));
		return TOUR;
	}

	@PostMapping("/inspection/{orgUnitId}/grades")
	String grade(@PathVariable long orgUnitId, @RequestParam String indicatorCode, @RequestParam(required = false) String source,
			@RequestParam(required = false) String grade, @RequestParam(required = false) String comment, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			Grade recorded = grades.record(orgUnitId, indicatorCode, Grade.SELF.equals(source) ? Grade.SELF : Grade.INSPECTOR, grade, comment);
			redirect.addFlashAttribute("flash", messages.of(request, "inspection.graded", recorded.indicatorCode(), recorded.grade()));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/inspection/" + orgUnitId + "#box-" + URLEncoder.encode(indicatorCode, StandardCharsets.UTF_8);
	}

	@PostMapping("/inspection/{orgUnitId}/samples")
	String sample(@PathVariable long orgUnitId, @RequestParam(required = false) Integer size, @RequestParam(required = false) Long seed,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			Sample sample = samples.draw(orgUnitId, size, seed);
			redirect.addFlashAttribute("flash", messages.of(request, "inspection.sampled", sample.materials().size(), String.valueOf(sample.seed())));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/inspection/" + orgUnitId + "#samples";
	}

	@PostMapping("/inspection/samples/{sampleId}/check")
	String check(@PathVariable long sampleId, @RequestParam long materialId, @RequestParam(required = false) String verdict,
			@RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
		Sample sample = samples.find(sampleId);
		try {
			samples.check(sampleId, materialId, verdict, note);
			redirect.addFlashAttribute("flash", messages.of(request, "inspection.checked"));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/inspection/" + sample.orgUnitId() + "#samples";
	}

	@PostMapping("/inspection/{orgUnitId}/materials/{materialId}/notes")
	String answer(@PathVariable long orgUnitId, @PathVariable long materialId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			doubts.answer(materialId, kind, note);
			redirect.addFlashAttribute("flash", messages.of(request, "inspection.answered"));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/inspection/" + orgUnitId + "#material-" + materialId;
	}

	@GetMapping("/inspection/{orgUnitId}/report.docx")
	ResponseEntity<byte[]> report(@PathVariable long orgUnitId) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		report.write(orgUnitId, out);
		return Downloads.of(report.fileName(orgUnitId), Downloads.DOCX, out.toByteArray());
	}
}
