package org.chuangwen.people;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Roster import pages: upload, then a progress page the browser polls until the counters settle. */
@Controller
class RosterController {

	static final String IMPORT = "people/import";
	static final String JOB = "people/import-job";
	static final String PROGRESS = "people/import-job :: progress";
	private static final int SHOWN_ROWS = 100;

	private final Residents residents;
	private final RosterWorkbooks workbooks;
	private final DataScope scope;
	private final Orgs orgs;
	private final UserMessages messages;

	RosterController(Residents residents, RosterWorkbooks workbooks, DataScope scope, Orgs orgs, UserMessages messages) {
		this.residents = residents;
		this.workbooks = workbooks;
		this.scope = scope;
		this.orgs = orgs;
		this.messages = messages;
	}

	@GetMapping("/residents/import")
	String page(Model model) {
		return page(model, null);
	}

	private String page(Model model, String error) {
		model.addAttribute("units", orgs.within(scope.path()).stream()
				.filter(u -> u.kind() == OrgKind.COMMUNITY || u.kind() == OrgKind.GRID || u.kind() == OrgKind.BUILDING).toList());
		model.addAttribute("imports", residents.recentImports(20));
		model.addAttribute("error", error);
		return IMPORT;
	}

	@GetMapping("/residents/template.xlsx")
	ResponseEntity<byte[]> template() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbooks.writeTemplate(out);
		return Downloads.of("居民花名册模板.xlsx", Downloads.XLSX, out.toByteArray());
	}

	@PostMapping("/residents/import")
	String upload(@RequestParam long orgUnitId, @RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw UserFacingException.badRequest("missing_part", "people.import.no-file");
			}
			try (InputStream in = file.getInputStream()) {
				long id = residents.startImport(orgUnitId, file.getOriginalFilename(), in, RequestContextUtils.getLocale(request));
				return "redirect:/residents/imports/" + id;
			}
		} catch (UserFacingException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			response.setStatus(e.status().value());
			return page(model, messages.of(request, e));
		}
	}

	@GetMapping("/residents/imports/{id}")
	String job(@PathVariable long id, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		ImportJob job = residents.job(id);
		model.addAttribute("job", job);
		model.addAttribute("rejectedRows", job.finished() ? residents.rejectedRows(id, SHOWN_ROWS) : java.util.List.of());
		model.addAttribute("shownRows", SHOWN_ROWS);
		return htmx != null ? PROGRESS : JOB;
	}

	@GetMapping("/residents/imports/{id}/report.xlsx")
	ResponseEntity<byte[]> report(@PathVariable long id) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbooks.writeReport(id, out);
		return Downloads.of("导入错误行-" + id + ".xlsx", Downloads.XLSX, out.toByteArray());
	}
}
