package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.util.List;

/**
 * A volunteer with confirmed hours (of which {@code manualHours} were entered by hand, kept apart from check-in hours),
 * star level (null below the first), records newest first, and notes.
 */
record VolunteerDetails(Volunteer volunteer, BigDecimal totalHours, BigDecimal manualHours, int stars, String level, List<ServiceRecord> records,
		List<VolunteerNote> notes) {

	public VolunteerDetails {
		records = List.copyOf(records);
		notes = List.copyOf(notes);
	}
}
