package org.chuangwen.activities;

import java.time.LocalDate;
import java.util.List;

/**
 * An activity was held and its attendance sheet filed: who took part, for later ledgers (volunteer hours,
 * 公益活动参与率). {@code volunteerMinutes} holds one entry per volunteer who checked in and out.
 */
public record ActivityHeld(long activityId, long orgUnitId, String orgPath, List<Long> indicatorIds, String category, LocalDate heldOn,
		int participants, int volunteers, List<Integer> volunteerMinutes) {

	public ActivityHeld {
		indicatorIds = List.copyOf(indicatorIds);
		volunteerMinutes = List.copyOf(volunteerMinutes);
	}
}
