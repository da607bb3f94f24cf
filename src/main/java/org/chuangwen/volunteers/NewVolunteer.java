package org.chuangwen.volunteers;

/**
 * What registering a volunteer takes: name and phone are required; the unit defaults to the caller's; the ID number is
 * optional (sex and birth date are derived from it); {@code team} names a team of the unit (its name or id).
 */
record NewVolunteer(Long orgUnitId, String name, String phone, String idNumber, String residence, String skills, String serviceTypes,
		String team, Long residentId) {}
