package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.util.List;

/** A volunteer with confirmed hours, star level (null below the first), records newest first, and notes. */
public record VolunteerDetails(Volunteer volunteer, BigDecimal totalHours, int stars, String level, List<ServiceRecord> records,
		List<VolunteerNote> notes) {

	public VolunteerDetails {
		records = List.copyOf(records);
		notes = List.copyOf(notes);
	}
}
