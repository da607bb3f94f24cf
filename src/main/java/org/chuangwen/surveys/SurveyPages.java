package org.chuangwen.surveys;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.QrCodes;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.MediaType;
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
 * The staff's survey pages: the list, building and (until the first response) editing a questionnaire, its results
 * with intervals, target and planner, its QR code, and the 入户 page an interviewer fills in on a phone, household
 * after household (Post/Redirect/Get; the page keeps the running rate in sight).
 */
@Controller
class SurveyPages {

	static final String LIST = "surveys/list";
	static final String FORM = "surveys/form";
	static final String SURVEY = "surveys/survey";
	static final String INTERVIEW = "surveys/interview";

	private final Surveys surveys;
	private final DataScope scope;
	private final Orgs orgs;
	private final UserMessages messages;

	SurveyPages(Surveys surveys, DataScope scope, Orgs orgs, UserMessages messages) {
		this.surveys = surveys;
		this.scope = scope;
		this.orgs = orgs;
		this.messages = messages;
	}

	@GetMapping("/surveys")
	String list(@RequestParam(required = false) Long unit, Model model) {
		model.addAttribute("surveys", surveys.list(unit));
		return LIST;
	}

	@GetMapping("/surveys/new")
	String newSurvey(@RequestParam(defaultValue = "5") int slots, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", SurveyForm.blank(scope.user().orgUnitId(), slots));
		}
		return form(model, null);
	}

	@PostMapping("/surveys")
	String create(HttpServletRequest request, Model model, RedirectAttributes redirect) {
		SurveyForm form = SurveyForm.from(request.getParameterMap());
		try {
			Survey survey = surveys.create(form.toCommand());
			redirect.addFlashAttribute("flash", messages.of(request, "surveys.created", survey.title()));
			return "redirect:/surveys/" + survey.id();
		} catch (UserFacingException e) {
			model.addAttribute("form", form);
			model.addAttribute("refusal", messages.of(request, e));
			return form(model, null);
		}
	}

	@GetMapping("/surveys/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Survey survey = surveys.readable(id);
		model.addAttribute("form", SurveyForm.of(survey));
		return form(model, survey);
	}

	@PostMapping("/surveys/{id}/edit")
	String update(@PathVariable long id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		SurveyForm form = SurveyForm.from(request.getParameterMap());
		try {
			Survey survey = surveys.edit(id, form.toCommand());
			redirect.addFlashAttribute("flash", messages.of(request, "surveys.saved", survey.title()));
			return "redirect:/surveys/" + id;
		} catch (UserFacingException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			model.addAttribute("form", form);
			model.addAttribute("refusal", messages.of(request, e));
			return form(model, surveys.readable(id));
		}
	}

	private String form(Model model, Survey editing) {
		List<OrgUnit> units = orgs.communitiesWithin(scope.path());
		model.addAttribute("units", units.isEmpty() ? List.of(scope.readable(scope.user().orgUnitId())) : units);
		model.addAttribute("topics", Survey.TOPICS);
		model.addAttribute("targetKeys", Survey.TARGET_KEYS);
		model.addAttribute("editing", editing);
		return FORM;
	}

	@GetMapping("/surveys/{id}")
	String survey(@PathVariable long id, Model model) {
		Survey survey = surveys.readable(id);
		model.addAttribute("survey", survey);
		model.addAttribute("results", surveys.results(id));
		model.addAttribute("link", publicLink(survey));
		return SURVEY;
	}

	@PostMapping("/surveys/{id}/state")
	String state(@PathVariable long id, @RequestParam boolean open, HttpServletRequest request, RedirectAttributes redirect) {
		Survey survey = surveys.setOpen(id, open);
		redirect.addFlashAttribute("flash", messages.of(request, open ? "surveys.opened" : "surveys.closed", survey.title()));
		return "redirect:/surveys/" + id;
	}

	@GetMapping(value = "/surveys/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@ResponseBody
	byte[] qr(@PathVariable long id) {
		return QrCodes.png(publicLink(surveys.readable(id)), 360);
	}

	@GetMapping("/surveys/{id}/interview")
	String interview(@PathVariable long id, Model model) {
		Survey survey = surveys.readable(id);
		model.addAttribute("survey", survey);
		model.addAttribute("results", surveys.results(id));
		return INTERVIEW;
	}

	@PostMapping("/surveys/{id}/interview")
	String interviewed(@PathVariable long id, @RequestParam(required = false) String phone, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Survey survey = surveys.readable(id);
		try {
			surveys.interview(id, phone, Answers.from(survey, request.getParameterMap()), request.getRemoteAddr());
			redirect.addFlashAttribute("flash", messages.of(request, "surveys.interview.saved", org.chuangwen.platform.PersonalData.maskPhone(phone)));
			return "redirect:/surveys/" + id + "/interview";
		} catch (UserFacingException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			model.addAttribute("survey", survey);
			model.addAttribute("results", surveys.results(id));
			model.addAttribute("refusal", messages.of(request, e));
			model.addAttribute("phone", phone);
			model.addAttribute("given", request.getParameterMap());
			return INTERVIEW;
		}
	}

	static String publicLink(Survey survey) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/s/{code}").buildAndExpand(survey.code()).toUriString();
	}
}
