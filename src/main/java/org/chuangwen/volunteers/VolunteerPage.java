package org.chuangwen.volunteers;

import java.util.List;

/** One page of a volunteer search. */
record VolunteerPage(List<Volunteer> items, long total, int page, int size) {

	public VolunteerPage {
		items = List.copyOf(items);
	}

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}
}
