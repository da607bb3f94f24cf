package org.chuangwen.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * The correction form of a material page: it carries every field, so what was left as it was changes nothing (the
 * archive keeps history of real changes only). An emptied 责任者 or 文号 clears it.
 */
record CorrectionForm(String title, String kind, LocalDate dateFormed, String responsibleParty, String documentNumber, Long orgUnitId,
		List<String> indicatorCodes) {

	CorrectionForm {
		indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
	}

	static CorrectionForm of(MaterialDetails material) {
		var m = material.row();
		return new CorrectionForm(m.title(), m.kind(), m.dateFormed(), m.responsibleParty(), m.documentNumber(), m.orgUnitId(),
				m.indicatorCodes());
	}

	MaterialCorrection toCorrection() {
		// a date emptied in the form is a date refused, not a date kept
		return new MaterialCorrection(title == null ? "" : title, kind == null ? "" : kind, dateFormed == null ? LocalDate.MIN : dateFormed,
				responsibleParty == null ? "" : responsibleParty, documentNumber == null ? "" : documentNumber, orgUnitId, indicatorCodes);
	}
}
