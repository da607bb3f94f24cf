package org.chuangwen.activities;

import java.time.Instant;

/**
 * A plan (方案) a street issued to its communities; per community, whether it has answered with an activity.
 *
 * @param activityId the community's activity that answers the plan, or null while it is still a to-do
 */
record IssuedPlan(long id, String title, String streetName, long communityId, String communityName, String category,
		Instant issuedAt, String issuedBy, long materialId, Long activityId) {

	public boolean answered() {
		return activityId != null;
	}
}
