package org.chuangwen.evidence;

import java.util.List;

/** A material was filed, in the transaction that stored it. {@code year} is the year it was formed. */
public record MaterialFiled(long materialId, long orgUnitId, String orgPath, List<Long> indicatorIds, String kind, int year) {

	public MaterialFiled {
		indicatorIds = List.copyOf(indicatorIds);
	}
}
