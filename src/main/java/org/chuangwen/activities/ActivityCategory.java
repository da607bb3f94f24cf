package org.chuangwen.activities;

import java.util.List;

/**
 * A category of activity with the indicators it serves by default; {@code outreach} names one of the five kinds of
 * 进社区 (科教、文体、法律、卫生、环保) or is null.
 */
record ActivityCategory(long id, String name, String group, List<String> indicatorCodes, String outreach, int sort, boolean active) {

	public ActivityCategory {
		indicatorCodes = List.copyOf(indicatorCodes);
	}
}
