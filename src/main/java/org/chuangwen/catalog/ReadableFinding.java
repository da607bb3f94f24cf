package org.chuangwen.catalog;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.chuangwen.platform.UserMessages;

/** A finding of the import report with its texts resolved for the reader's language. */
record ReadableFinding(String indicatorCode, String field, String problem, String detail, String action) {

	static List<ReadableFinding> of(List<Finding> findings, UserMessages messages, HttpServletRequest request) {
		return findings.stream()
				.map(f -> new ReadableFinding(f.indicatorCode(), f.field(), f.problem(), messages.of(request, f.detail()),
						messages.of(request, f.action())))
				.toList();
	}
}
