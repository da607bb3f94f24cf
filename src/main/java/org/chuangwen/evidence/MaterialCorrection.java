package org.chuangwen.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * What a worker corrects in a material already filed: each field that is null stays as it is. An empty
 * {@code responsibleParty} or {@code documentNumber} clears it; {@code indicatorCodes}, when given, replaces the list.
 * The files themselves are never part of a correction.
 */
record MaterialCorrection(String title, String kind, LocalDate dateFormed, String responsibleParty, String documentNumber,
		Long orgUnitId, List<String> indicatorCodes) {

	public MaterialCorrection {
		indicatorCodes = indicatorCodes == null ? null : List.copyOf(indicatorCodes);
	}
}
