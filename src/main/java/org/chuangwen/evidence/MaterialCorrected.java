package org.chuangwen.evidence;

import java.util.List;

/**
 * A material's description was corrected, in the transaction that stored the correction: where it was filed before
 * and where it is filed now. {@code live} is false for a material in the recycle bin (it counts nowhere).
 */
public record MaterialCorrected(long materialId, boolean live, Filing before, Filing after) {

	/** Where a material counts: its unit, the indicators it serves, its kind and the year it was formed. */
	public record Filing(long orgUnitId, String orgPath, List<Long> indicatorIds, String kind, int year) {

		public Filing {
			indicatorIds = List.copyOf(indicatorIds);
		}
	}

	/** Whether the material moved to another unit, kind, year or set of indicators (what numbers and counters follow). */
	public boolean moved() {
		return !before.equals(after);
	}
}
