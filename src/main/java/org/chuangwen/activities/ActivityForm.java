package org.chuangwen.activities;

import java.time.LocalDateTime;
import java.util.List;

/** The plan form of the pages. Times are read by the platform's date binding (local, or with an offset). */
record ActivityForm(
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

	ActivityForm {
		indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
	}

	NewActivity toCommand() {
		return new NewActivity(orgUnitId, title, category, indicatorCodes, startsAt, endsAt, place, organizer, expectedParticipants, targetGroups,
				volunteersNeeded, description, festival, issuedPlanId);
	}
}
