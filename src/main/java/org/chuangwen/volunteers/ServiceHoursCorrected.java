package org.chuangwen.volunteers;

import java.math.BigDecimal;

/**
 * The hours of a record that already counted were corrected: ledgers that converted them post the difference
 * ({@code newHours − oldHours}), never rewrite what they posted.
 */
public record ServiceHoursCorrected(long volunteerId, Long residentId, long orgUnitId, BigDecimal oldHours, BigDecimal newHours, long recordId) {}
