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

	/** This form with what the files propose filled into the fields still empty. */
	UploadForm proposed(MaterialProposal proposal) {
		return new UploadForm(orgUnitId, kind, title == null || title.isBlank() ? proposal.title() : title,
				dateFormed == null ? proposal.dateFormed() : dateFormed, responsibleParty, indicatorCodes, documentNumber);
	}

	NewMaterial toCommand() {
		return new NewMaterial(orgUnitId, kind, title, dateFormed, responsibleParty, indicatorCodes, documentNumber);
	}
}
