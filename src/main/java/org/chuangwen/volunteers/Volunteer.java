package org.chuangwen.volunteers;

import java.time.Instant;
import java.time.LocalDate;

/** A registered volunteer as shown anywhere: phone and ID number masked, never the numbers. */
record Volunteer(long id, long orgUnitId, String orgPath, String number, String name, String phone, String idNumber, String sex,
		LocalDate birthDate, String residence, String skills, String serviceTypes, Long teamId, String teamName, Long residentId,
		boolean selfRegistered, String registeredBy, Instant registeredAt) {}
