package org.chuangwen.activities.web;

import java.time.LocalDateTime;
import java.util.List;
import org.chuangwen.activities.NewActivity;
import org.springframework.format.annotation.DateTimeFormat;

/** The plan form of the pages. */
record ActivityForm(
		Long orgUnitId,
		String title,
		String category,
		List<String> indicatorCodes,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
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
