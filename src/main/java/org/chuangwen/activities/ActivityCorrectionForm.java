package org.chuangwen.activities;

import java.time.LocalDateTime;
import java.util.List;

/** The correction form of an activity page; it carries every field, so what was left as it was changes nothing. */
record ActivityCorrectionForm(String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, List<String> indicatorCodes) {

	ActivityCorrectionForm {
		indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
	}

	static ActivityCorrectionForm of(Activity activity) {
		return new ActivityCorrectionForm(activity.title(), activity.startsAt(), activity.endsAt(), activity.place(), activity.indicatorCodes());
	}

	ActivityCorrection toCorrection() {
		// emptied fields are refused as when planning, never kept silently
		return new ActivityCorrection(title == null ? "" : title, startsAt == null ? LocalDateTime.MIN : startsAt,
				endsAt == null ? LocalDateTime.MIN : endsAt, place == null ? "" : place, indicatorCodes);
	}
}
