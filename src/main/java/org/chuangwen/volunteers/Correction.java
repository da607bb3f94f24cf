package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One correction of a service record: the old and the new value side by side, who changed it and why. */
record Correction(long id, long recordId, LocalDate oldDate, LocalDate newDate, BigDecimal oldHours, BigDecimal newHours, String oldContent,
		String newContent, String reason, String correctedBy, Instant correctedAt) {}
