package org.chuangwen.evidence;

import java.time.LocalDate;
import java.util.List;

/** What a worker says about a material when filing it. {@code responsibleParty} may be null. */
public record NewMaterial(Long orgUnitId, String kind, String title, LocalDate dateFormed, String responsibleParty, List<String> indicatorCodes) {

	public NewMaterial {
		indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
	}
}
