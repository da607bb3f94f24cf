package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One service record (志愿服务记录) by 民政部令第67号: from an activity's check-in and check-out ({@code ACTIVITY}) or
 * entered by hand ({@code MANUAL}). {@code hours} is null while a check-out is missing. {@code overdue} marks a pending
 * record not confirmed within the rules' working days.
 */
record ServiceRecord(long id, long volunteerId, String volunteerName, String volunteerNumber, long orgUnitId, String source, Long activityId,
		String title, LocalDate date, String place, String content, BigDecimal hours, String organizer, String leader, String served,
		LocalDateTime checkedInAt, LocalDateTime checkedOutAt, String status, String enteredBy, Instant enteredAt, String confirmedBy,
		Instant confirmedAt, String recorder, LocalDate dueBy, boolean overdue, String orgPath) {

	public static final String PENDING = "PENDING";
	public static final String CONFIRMED = "CONFIRMED";
	public static final String ACTIVITY = "ACTIVITY";
	public static final String MANUAL = "MANUAL";

	public boolean manual() {
		return MANUAL.equals(source);
	}

	public boolean pending() {
		return PENDING.equals(status);
	}
}
