package org.chuangwen.families;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.chuangwen.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every step of a household's nominations and awards, kept beside the audit log so the page can show it. */
@Repository
class FamilyHistory {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	FamilyHistory(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	record Change(long id, long householdId, String subject, long subjectId, String action, String detail, String changedBy, Instant changedAt) {}

	/** Records one step inside the caller's transaction, in the audit log too. */
	void record(long householdId, String orgPath, String subject, long subjectId, String action, String detail, String by, long buildingId) {
		jdbc.sql("""
				insert into family_change (household_id, org_path, subject, subject_id, action, detail, changed_by, changed_at)
				values (:h, :p, :s, :sid, :a, :d, :by, :at)""")
				.param("h", householdId).param("p", orgPath).param("s", subject).param("sid", subjectId).param("a", action)
				.param("d", detail).param("by", by).param("at", Timestamp.from(Instant.now(clock)))
				.update();
		audit.record("FAMILY_" + action, "family_" + subject, subjectId, buildingId, detail);
	}

	List<Change> of(long householdId) {
		return jdbc.sql("select * from family_change where household_id = :h order by id").param("h", householdId)
				.query((rs, n) -> new Change(rs.getLong("id"), rs.getLong("household_id"), rs.getString("subject"), rs.getLong("subject_id"),
						rs.getString("action"), rs.getString("detail"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
				.list();
	}
}
