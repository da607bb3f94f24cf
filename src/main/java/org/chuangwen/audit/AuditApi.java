package org.chuangwen.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.chuangwen.platform.Downloads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Verifying and exporting the audit log over the API (audit administrators; the facade checks the role). */
@RestController
class AuditApi {

	private final AuditLog audit;

	AuditApi(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/audit/verify")
	Verification verify() {
		return audit.verify();
	}

	@GetMapping("/api/v1/audit.xlsx")
	void xlsx(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
			HttpServletResponse response) throws IOException {
		write(audit.export(from, to, locale), response);
	}

	static void write(AuditExport export, HttpServletResponse response) throws IOException {
		response.setContentType(Downloads.XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(export.fileName()));
		export.writeTo(response.getOutputStream());
	}
}
