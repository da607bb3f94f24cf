package org.chuangwen.tasks;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A 整改 task as stored. {@code gap} is the machine-readable reference ({@code kind:图片}, {@code target:voter-turnout}),
 * {@code gapText} its Chinese description as it read when the task was made. {@code closedBy} is
 * {@value #GAP_CLOSED} when the task closed itself, else the username that closed it by hand.
 */
record Task(long id, long orgUnitId, String orgPath, String indicatorCode, String gap, String gapText, String assignee, LocalDate due,
		String createdBy, Instant createdAt, String closedBy, Instant closedAt, String closeNote) {

	static final String GAP_CLOSED = "gap_closed";
	static final String KIND = "kind:";
	static final String TARGET = "target:";

	boolean open() {
		return closedAt == null;
	}

	/** Open past its deadline: due yesterday or earlier. */
	boolean overdue(LocalDate today) {
		return open() && due.isBefore(today);
	}

	boolean kindGap() {
		return gap.startsWith(KIND);
	}

	String reference() {
		return gap.substring(gap.indexOf(':') + 1);
	}
}
