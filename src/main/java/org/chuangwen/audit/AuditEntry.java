package org.chuangwen.audit;

import java.time.Instant;

/** One audit event as stored. */
public record AuditEntry(
		long id,
		Instant occurredAt,
		String actor,
		String action,
		String objectType,
		String objectId,
		Long orgUnitId,
		String address,
		String detail) {}
