package org.chuangwen.audit;

import java.time.Instant;

/** One audit event as stored; {@code hash} chains it to the entry before (null for entries from before the chain). */
record AuditEntry(
		long id,
		Instant occurredAt,
		String actor,
		String action,
		String objectType,
		String objectId,
		Long orgUnitId,
		String address,
		String detail,
		String hash) {}
