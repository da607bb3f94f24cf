package org.chuangwen.courtyards;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One inspection of a building as kept: its marks per item, each standard's outcome, the score and the photo materials
 * filed for it. {@code failing} lists the codes of the standards not met.
 */
record Inspection(long id, long buildingId, String buildingName, LocalDate inspectedOn, BigDecimal score, String inspectedBy, Instant recordedAt,
		List<MarkRow> marks, List<Score.Outcome> standards, List<String> failing, List<Long> photoMaterialIds) {

	/** An item's mark, with the item's title and its standard. */
	record MarkRow(String code, String standardCode, String title, boolean met, String note) {}
}
