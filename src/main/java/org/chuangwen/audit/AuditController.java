package org.chuangwen.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for audit administrators: browse, verify the chain, export a date range. */
@Controller
class AuditController {

	static final String VIEW = "audit/events";
	private static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String events(@RequestParam(required = false) String action, @RequestParam(required = false) String actor,
			@RequestParam(defaultValue = "0") int page, Model model) {
		int safePage = Math.max(page, 0);
		long total = audit.count(action, actor);
		model.addAttribute("events", audit.recent(action, actor, safePage * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("action", action);
		model.addAttribute("actor", actor);
		model.addAttribute("page", safePage);
		model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
		model.addAttribute("total", total);
		return VIEW;
	}

	/** The result is shown above the newest entries; the check itself is recorded. */
	@PostMapping("/admin/audit/verify")
	String verify(Model model) {
		model.addAttribute("verification", audit.verify());
		return events(null, null, 0, model);
	}

	@GetMapping("/admin/audit/export.xlsx")
	void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
			HttpServletResponse response) throws IOException {
		AuditApi.write(audit.export(from, to, locale), response);
	}
}
