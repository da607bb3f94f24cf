package org.chuangwen.people;

import java.time.Instant;

/** A roster import and its counters, as the progress page and the API show them. */
record ImportJob(long id, long orgUnitId, String fileName, String requestedBy, Instant startedAt, Instant finishedAt, String state, int rowsRead,
		int imported, int updated, int unchanged, int rejected, String error) {

	public boolean finished() {
		return !"RUNNING".equals(state);
	}

	public boolean done() {
		return "DONE".equals(state);
	}
}
