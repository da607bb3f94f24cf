package org.chuangwen.activities;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A plan (方案) a street issued to its communities, as one community stands with it: a to-do until the community plans
 * an activity for it (answered), done once that activity has been held — that is, once something of its holding
 * (sign-in sheet, record, photos, summary, briefing, media report) is filed, not when it is merely planned.
 *
 * @param dateFormed the plan's 成文日期, as printed on it
 * @param documentNumber its 文号, or null
 * @param respondBy the day by which the community is to answer, or null for no deadline
 * @param activityId the community's activity that answers the plan, or null while it is still a to-do
 * @param held whether that activity has been held
 * @param reminders how many reminders (催办) the street sent this community; {@code lastReminder} the latest, or null
 */
record IssuedPlan(long id, String title, String streetName, long communityId, String communityName, String category,
		Instant issuedAt, String issuedBy, LocalDate dateFormed, String documentNumber, LocalDate respondBy, long materialId, Long activityId,
		boolean held, int reminders, Instant lastReminder) {

	enum State {
		AWAITING, ANSWERED, DONE
	}

	public boolean answered() {
		return activityId != null;
	}

	public State state() {
		return held ? State.DONE : answered() ? State.ANSWERED : State.AWAITING;
	}

	/** Past its deadline without an answer. */
	public boolean overdue(LocalDate today) {
		return !answered() && respondBy != null && today.isAfter(respondBy);
	}
}
