package org.chuangwen.donations;

import java.time.Instant;

/** One correction: why, the values it replaced (as text) and who made it when. */
record DonationChange(long id, long donationId, String reason, String oldValues, String changedBy, Instant changedAt) {}
