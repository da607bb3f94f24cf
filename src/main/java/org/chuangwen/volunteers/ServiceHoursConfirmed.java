package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A volunteer's service record was confirmed (from an activity) or approved (entered by hand): the hours now count.
 * Published once per record; {@code residentId} is null for a volunteer not linked to a resident.
 */
public record ServiceHoursConfirmed(long volunteerId, Long residentId, long orgUnitId, BigDecimal hours, LocalDate date, long recordId) {}
