package org.chuangwen.tasks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tasks' rows, their reminders and the in-app notices. A task is closed once; nothing here reopens or rewrites one. */
@Repository
class TaskRows {

	private static final String COLUMNS = "select id, org_unit_id, org_path, indicator_code, gap, gap_text, assignee, due, created_by, created_at, "
			+ "closed_by, closed_at, close_note from rectification_task ";

	private final JdbcClient jdbc;

	TaskRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long orgUnitId, String orgPath, String indicatorCode, String gap, String gapText, String assignee, LocalDate due, String createdBy,
			Instant createdAt) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into rectification_task (org_unit_id, org_path, indicator_code, gap, gap_text, assignee, due, created_by, created_at) "
				+ "values (:unit, :path, :code, :gap, :text, :assignee, :due, :by, :at)")
				.param("unit", orgUnitId).param("path", orgPath).param("code", indicatorCode).param("gap", gap).param("text", gapText)
				.param("assignee", assignee).param("due", due).param("by", createdBy).param("at", Timestamp.from(createdAt))
				.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<Task> find(long id) {
		return jdbc.sql(COLUMNS + "where id = :id").param("id", id).query(TaskRows::task).optional();
	}

	/** The tasks of units at or below a path, open ones first, then by deadline. */
	List<Task> within(String pathPrefix) {
		return jdbc.sql(COLUMNS + "where org_path like :prefix order by case when closed_at is null then 0 else 1 end, due, id")
				.param("prefix", pathPrefix + "%").query(TaskRows::task).list();
	}

	boolean openExists(long orgUnitId, String indicatorCode, String gap) {
		return jdbc.sql("select count(*) from rectification_task where org_unit_id = :unit and gap = :gap and closed_at is null "
				+ "and coalesce(indicator_code, '') = :code")
				.param("unit", orgUnitId).param("gap", gap).param("code", indicatorCode == null ? "" : indicatorCode).query(Long.class).single() > 0;
	}

	/** Open kind tasks whose unit holds a material filed at {@code materialPath} (the unit itself or above it). */
	List<Task> openKindTasksAbove(String materialPath) {
		return jdbc.sql(COLUMNS + "where closed_at is null and gap like 'kind:%' and :path like org_path || '%' order by id")
				.param("path", materialPath).query(TaskRows::task).list();
	}

	List<Task> openOverdue(String pathPrefix, LocalDate today) {
		return jdbc.sql(COLUMNS + "where closed_at is null and due < :today and org_path like :prefix order by due, id")
				.param("today", today).param("prefix", pathPrefix + "%").query(TaskRows::task).list();
	}

	/** Closes an open task; false when it was closed meanwhile (the first close stands). */
	boolean close(long id, String closedBy, Instant at, String note) {
		return jdbc.sql("update rectification_task set closed_by = :by, closed_at = :at, close_note = :note where id = :id and closed_at is null")
				.param("by", closedBy).param("at", Timestamp.from(at)).param("note", note).param("id", id).update() == 1;
	}

	/** Claims today's reminder of a task; false when one went out already today. */
	boolean claimReminder(long taskId, LocalDate day, Instant at) {
		return jdbc.sql("insert into task_reminder (task_id, sent_on, sent_at) select :task, :day, :at where not exists "
				+ "(select 1 from task_reminder where task_id = :task and sent_on = :day)")
				.param("task", taskId).param("day", day).param("at", Timestamp.from(at)).update() == 1;
	}

	void notice(String username, long taskId, String body, boolean mailed, Instant at) {
		jdbc.sql("insert into task_notice (username, task_id, body, mailed, created_at) values (:u, :task, :body, :mailed, :at)")
				.param("u", username).param("task", taskId).param("body", body).param("mailed", mailed).param("at", Timestamp.from(at)).update();
	}

	record Notice(long id, long taskId, String body, boolean mailed, Instant createdAt) {}

	List<Notice> notices(String username, int limit) {
		return jdbc.sql("select id, task_id, body, mailed, created_at from task_notice where username = :u order by id desc limit :limit")
				.param("u", username).param("limit", limit)
				.query((rs, n) -> new Notice(rs.getLong("id"), rs.getLong("task_id"), rs.getString("body"), rs.getBoolean("mailed"),
						rs.getTimestamp("created_at").toInstant()))
				.list();
	}

	private static Task task(ResultSet rs, int row) throws SQLException {
		Timestamp closedAt = rs.getTimestamp("closed_at");
		return new Task(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("org_path"), rs.getString("indicator_code"), rs.getString("gap"),
				rs.getString("gap_text"), rs.getString("assignee"), rs.getObject("due", LocalDate.class), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("closed_by"), closedAt == null ? null : closedAt.toInstant(),
				rs.getString("close_note"));
	}
}
