package org.chuangwen.readiness;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The readiness ranking and matrix (or a community's boxes) as XLSX, for the API and the page's 导出Excel button. */
@Controller
class ReadinessExportController {

	private final ReadinessWorkbook workbook;

	ReadinessExportController(ReadinessWorkbook workbook) {
		this.workbook = workbook;
	}

	@GetMapping("/api/v1/readiness.xlsx")
	void api(@RequestParam(required = false) Long orgUnitId, Locale locale, HttpServletResponse response) throws IOException {
		workbook.of(orgUnitId, locale).send(response);
	}

	@GetMapping("/readiness.xlsx")
	void page(@RequestParam(required = false) Long unit, Locale locale, HttpServletResponse response) throws IOException {
		workbook.of(unit, locale).send(response);
	}
}
