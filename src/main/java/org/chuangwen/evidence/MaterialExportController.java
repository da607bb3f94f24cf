package org.chuangwen.evidence;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The materials list as XLSX, for the API (HTTP Basic) and for the list page's 导出Excel button (session). */
@Controller
class MaterialExportController {

	private final MaterialWorkbook workbook;

	MaterialExportController(MaterialWorkbook workbook) {
		this.workbook = workbook;
	}

	/** The same filters as {@code GET /api/v1/materials}; the page's filter form names them alike. */
	@GetMapping({"/api/v1/materials.xlsx", "/materials.xlsx"})
	void xlsx(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) Long unit,
			@RequestParam(required = false) String indicatorCode, @RequestParam(required = false) String indicator,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "false") boolean recycled, Locale locale, HttpServletResponse response) throws IOException {
		MaterialQuery query = new MaterialQuery(orgUnitId != null ? orgUnitId : unit, indicatorCode != null ? indicatorCode : indicator, kind, year, q,
				recycled, 0, 0);
		workbook.prepare(query, locale).send(response);
	}
}
