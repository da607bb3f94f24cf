package org.chuangwen.evidence;

import java.util.List;

/** A material came back from the recycle bin and counts as evidence again. */
public record MaterialRestored(long materialId, long orgUnitId, String orgPath, List<Long> indicatorIds, String kind, int year) {

	public MaterialRestored {
		indicatorIds = List.copyOf(indicatorIds);
	}
}
