package org.chuangwen.activities;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The activities list and an activity's participants as XLSX, for the API (HTTP Basic) and the pages' 导出Excel buttons. */
@Controller
class ActivityExportController {

	private final ActivityWorkbooks workbooks;

	ActivityExportController(ActivityWorkbooks workbooks) {
		this.workbooks = workbooks;
	}

	@GetMapping({"/api/v1/activities.xlsx", "/activities.xlsx"})
	void activities(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
			HttpServletResponse response) throws IOException {
		workbooks.activities(from, to, locale).send(response);
	}

	@GetMapping({"/api/v1/activities/{id}/participants.xlsx", "/activities/{id}/participants.xlsx"})
	void participants(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
		workbooks.participants(id, locale).send(response);
	}
}
