package org.chuangwen.evidence;

import java.time.LocalDate;
import java.util.List;

/** The upload form of the pages. */
record UploadForm(
		Long orgUnitId,
		String kind,
		String title,
		LocalDate dateFormed,
		String responsibleParty,
		List<String> indicatorCodes,
		String documentNumber) {

	UploadForm {
		indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
	}

	static UploadForm of(NewMaterial material) {
		return new UploadForm(material.orgUnitId(), material.kind(), material.title(), material.dateFormed(), material.responsibleParty(),
				material.indicatorCodes(), material.documentNumber());
	}

	NewMaterial toCommand() {
		return new NewMaterial(orgUnitId, kind, title, dateFormed, responsibleParty, indicatorCodes, documentNumber);
	}
}
