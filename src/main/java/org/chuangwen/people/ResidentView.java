package org.chuangwen.people;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** A resident as lists and pages show it: 身份证号 and phone only masked. */
record ResidentView(long id, long buildingId, String orgPath, String name, String sex, LocalDate birthDate, String idNumber, String phone,
		String unitNo, String roomNo, String relation, String category, String careGroups, int version, Instant updatedAt, String updatedBy) {

	public int age(LocalDate today) {
		return Period.between(birthDate, today).getYears();
	}
}
