package org.chuangwen.catalog;

import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.platform.UserMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class IndicatorController {

	static final String LIST = "catalog/indicators";
	static final String DETAIL = "catalog/indicator";

	private final Catalog catalog;
	private final UserMessages messages;

	IndicatorController(Catalog catalog, UserMessages messages) {
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/indicators")
	String list(Model model) {
		model.addAttribute("edition", catalog.active());
		return LIST;
	}

	@GetMapping("/indicators/{code}")
	String detail(@PathVariable String code, Model model, HttpServletRequest request) {
		Edition edition = catalog.active();
		Indicator indicator = catalog.resolve(code);
		model.addAttribute("edition", edition);
		model.addAttribute("indicator", indicator);
		model.addAttribute("findings", ReadableFinding.of(edition.findingsOf(indicator.code()), messages, request));
		return DETAIL;
	}
}
