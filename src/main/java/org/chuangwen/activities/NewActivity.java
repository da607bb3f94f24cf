package org.chuangwen.activities;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A plan for an activity as a worker types it once. Times are local (Asia/Shanghai). Only unit, title, category,
 * indicators, times and place are required; {@code indicatorCodes} empty means the category's indicators.
 */
record NewActivity(
		Long orgUnitId,
		String title,
		String category,
		List<String> indicatorCodes,
		LocalDateTime startsAt,
		LocalDateTime endsAt,
		String place,
		String organizer,
		Integer expectedParticipants,
		String targetGroups,
		Integer volunteersNeeded,
		String description,
		String festival,
		Long issuedPlanId) {

	public NewActivity {
		indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
	}
}
