package org.chuangwen.registers;

import java.time.Instant;

/** A register import and its counters, as the progress page and the API show them. */
record ImportJob(long id, long registerId, long orgUnitId, String orgPath, String fileName, String requestedBy, Instant startedAt, Instant finishedAt,
		String state, int rowsRead, int imported, int updated, int unchanged, int rejected, String error) {

	public boolean finished() {
		return !"RUNNING".equals(state);
	}

	public boolean done() {
		return "DONE".equals(state);
	}

	static ImportJob of(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportJob(rs.getLong("id"), rs.getLong("register_id"), rs.getLong("org_unit_id"), rs.getString("org_path"), rs.getString("file_name"),
				rs.getString("requested_by"), rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(), rs.getString("state"),
				rs.getInt("rows_read"), rs.getInt("imported"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("rejected"), rs.getString("error"));
	}
}
