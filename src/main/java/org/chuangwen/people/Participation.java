package org.chuangwen.people;

import java.time.LocalDate;

/**
 * Ⅲ-53 居民参与公益活动: of the residents registered in a community, how many took part in at least one 公益 activity
 * in the period (matched by the keyed hash of their phone).
 *
 * @param rate participants ÷ residents, 0 when there are no residents
 * @param target the rate the indicator asks for (0.70 unless configured)
 */
public record Participation(long communityId, String communityName, LocalDate from, LocalDate to, long residents, long participants, double rate,
		double target) {

	public boolean met() {
		return residents > 0 && rate >= target;
	}
}
