package org.chuangwen.volunteers;

import org.chuangwen.activities.ActivityHeld;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.UserFacingException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns an activity's filed attendance into pending service records. Synchronous, inside the filing's transaction, like
 * the readiness counters: the worker who just filed the sheet sees the records to confirm on the next page, and a
 * failure here leaves no sheet without its records.
 */
@Component
class ActivityAttendance {

	private final ServiceRecords records;
	private final DataScope scope;

	ActivityAttendance(ServiceRecords records, DataScope scope) {
		this.records = records;
		this.scope = scope;
	}

	@EventListener
	void on(ActivityHeld held) {
		String actor;
		try {
			actor = scope.user().username();
		} catch (UserFacingException e) {
			actor = "system";
		}
		records.fromActivity(held, actor);
	}
}
