package org.chuangwen.evidence;

import java.util.List;

/** A material went to the recycle bin and no longer counts as evidence. */
public record MaterialRecycled(long materialId, long orgUnitId, String orgPath, List<Long> indicatorIds, String kind, int year) {

	public MaterialRecycled {
		indicatorIds = List.copyOf(indicatorIds);
	}
}
