package org.chuangwen.tasks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task as callers see it. {@code state} is {@code open} or {@code closed}; {@code closedBy} is {@code gap_closed} when
 * it closed itself (then {@code closeNote} says so) or the username that closed it by hand.
 */
record TaskView(long id, long orgUnitId, String orgUnitName, String indicatorCode, String gap, String gapText, String assignee, LocalDate due,
		String state, boolean overdue, String createdBy, Instant createdAt, String closedBy, Instant closedAt, String closeNote) {

	static final String OPEN = "open";
	static final String CLOSED = "closed";

	static TaskView of(Task t, String unitName, LocalDate today) {
		return new TaskView(t.id(), t.orgUnitId(), unitName, t.indicatorCode(), t.gap(), t.gapText(), t.assignee(), t.due(), t.open() ? OPEN : CLOSED,
				t.overdue(today), t.createdBy(), t.createdAt(), t.closedBy(), t.closedAt(), t.closeNote());
	}

	public boolean closedByItself() {
		return Task.GAP_CLOSED.equals(closedBy);
	}
}
