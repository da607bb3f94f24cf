package org.chuangwen.donations;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A donation as recorded (after its latest correction). */
record Donation(long id, long orgUnitId, String donorKind, String donorName, Long residentId, String form, String description, BigDecimal quantity,
		BigDecimal unitValue, BigDecimal totalValue, String campaign, LocalDate date, String receiptNumber, String destination, String recordedBy) {

	/** Who may give: a resident of the unit (checked through people), a household, a unit, or someone who stays unnamed. */
	static final java.util.List<String> DONOR_KINDS = java.util.List.of("RESIDENT", "HOUSEHOLD", "UNIT", "ANONYMOUS");

	/** Suggestions for the campaign field; any other campaign may be typed. */
	static final java.util.List<String> CAMPAIGNS = java.util.List.of("慈善一日捐", "救灾捐赠", "扶贫济困", "助学捐赠", "邻里互助", "其他");
}
