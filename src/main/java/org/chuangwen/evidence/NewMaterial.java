package org.chuangwen.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * What a worker says about a material when filing it. {@code responsibleParty} (责任者) and {@code documentNumber}
 * (文号) may be null.
 */
public record NewMaterial(Long orgUnitId, String kind, String title, LocalDate dateFormed, String responsibleParty,
		List<String> indicatorCodes, String documentNumber) {

	public NewMaterial {
		indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
	}

	public NewMaterial(Long orgUnitId, String kind, String title, LocalDate dateFormed, String responsibleParty, List<String> indicatorCodes) {
		this(orgUnitId, kind, title, dateFormed, responsibleParty, indicatorCodes, null);
	}
}
