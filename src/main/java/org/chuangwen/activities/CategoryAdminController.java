package org.chuangwen.activities;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.chuangwen.platform.UserMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep the activity categories: names, groups, the indicators each serves, the 进社区 kind. */
@Controller
class CategoryAdminController {

	static final String VIEW = "activities/categories";

	private final Activities activities;
	private final UserMessages messages;

	CategoryAdminController(Activities activities, UserMessages messages) {
		this.activities = activities;
		this.messages = messages;
	}

	@GetMapping("/admin/activity-categories")
	String categories(Model model) {
		model.addAttribute("categories", activities.allCategories());
		model.addAttribute("outreachKinds", OutreachCoverage.KINDS);
		return VIEW;
	}

	@PostMapping("/admin/activity-categories")
	String save(@RequestParam(required = false) Long id, @RequestParam String name, @RequestParam String group,
			@RequestParam String indicators, @RequestParam(required = false) String outreach, @RequestParam(defaultValue = "0") int sort,
			@RequestParam(defaultValue = "false") boolean active, HttpServletRequest request, RedirectAttributes redirect) {
		List<String> codes = List.of(indicators.split("[,,、\\s]+")).stream().filter(c -> !c.isBlank()).toList();
		ActivityCategory saved = activities.saveCategory(id, name, group, codes, outreach, sort, active);
		redirect.addFlashAttribute("flash", messages.of(request, "category.saved", saved.name()));
		return "redirect:/admin/activity-categories";
	}
}
