package org.chuangwen.activities;

import java.time.LocalDate;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;

/**
 * What a street types about a plan it issues: the title, 成文日期 and 文号 as printed on the document, and the day by
 * which its communities are to answer. The date is asked for, never taken as today: a plan written last month keeps
 * last month's date in every community's archive.
 */
record PlanDocument(String title, LocalDate dateFormed, String documentNumber, LocalDate respondBy) {

	PlanDocument {
		documentNumber = documentNumber == null || documentNumber.isBlank() ? null : documentNumber.strip();
	}

	void check(LocalDate today) {
		if (dateFormed == null) {
			throw UserFacingException.badRequest("invalid_date", "error.plan.date-formed");
		}
		if (dateFormed.isAfter(today)) {
			throw UserFacingException.badRequest("invalid_date", "error.plan.date-future");
		}
		if (respondBy != null && respondBy.isBefore(dateFormed)) {
			throw UserFacingException.badRequest("invalid_date", "error.plan.respond-by");
		}
		if (documentNumber != null) {
			Text.check("documentNumber", documentNumber, false);
			if (documentNumber.length() > 50) {
				throw UserFacingException.badRequest("invalid_document_number", "error.plan.document-number", 50);
			}
		}
	}
}
