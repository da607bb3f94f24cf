package org.chuangwen.activities;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a worker corrects in an activity already planned: each field that is null stays as it is; {@code indicatorCodes},
 * when given, replaces the list. Times are local (Asia/Shanghai); the check-in window follows them.
 */
record ActivityCorrection(String title, LocalDateTime startsAt, LocalDateTime endsAt, String place, List<String> indicatorCodes) {

	public ActivityCorrection {
		indicatorCodes = indicatorCodes == null ? null : List.copyOf(indicatorCodes);
	}
}
