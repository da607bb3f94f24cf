package org.chuangwen.targets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The progress of the plans' tasks in a unit. Every change is a new row (the newest is current), so who moved a task
 * from 进行中 back to 未开始, when and why, stays visible.
 */
@Component
class PlanTasks {

	enum Status {
		NOT_STARTED("未开始"), IN_PROGRESS("进行中"), DONE("已完成");

		final String label;

		Status(String label) {
			this.label = label;
		}

		/** For templates, which read properties through public getters. */
		public String getLabel() {
			return label;
		}

		/** The code or the Chinese label, as a form or an API client sends it; 400 {@code invalid_status} otherwise. */
		static Status parse(String text) {
			String given = text == null ? "" : text.strip();
			for (Status s : values()) {
				if (s.name().equalsIgnoreCase(given) || s.label.equals(given)) {
					return s;
				}
			}
			throw UserFacingException.badRequest("invalid_status", "error.targets.task-status");
		}
	}

	record Change(long id, String taskKey, long orgUnitId, Status status, String label, String note, String setBy, Instant setAt) {}

	/** A task with its current state in a unit; {@code change} is null while nobody has set it (未开始). */
	record TaskState(Plans.PlanTask task, Status status, String label, Change change) {}

	record DocumentState(String code, String title, String part, String period, List<Plans.PlanTarget> targets, List<TaskState> tasks) {}

	private final JdbcClient jdbc;
	private final Plans plans;
	private final DataScope scope;
	private final AuditLog audit;
	private final Clock clock;

	PlanTasks(JdbcClient jdbc, Plans plans, DataScope scope, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	/** Every plan with its tasks as they stand in a unit in the caller's scope (404 otherwise). */
	List<DocumentState> of(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		Map<String, Change> current = new HashMap<>();
		jdbc.sql("select * from plan_task_status where org_unit_id = :unit order by id").param("unit", unit.id()).query(PlanTasks::row).list()
				.forEach(c -> current.put(c.taskKey(), c));
		return plans.documents().stream().map(d -> new DocumentState(d.code(), d.title(), d.part(), d.period(), d.targets(), d.tasks().stream().map(t -> {
			Change c = current.get(t.key());
			Status status = c == null ? Status.NOT_STARTED : c.status();
			return new TaskState(t, status, status.label, c);
		}).toList())).toList();
	}

	/**
	 * Sets a task's status in a unit the caller may write to, with an optional note (at most 500 characters).
	 *
	 * @throws UserFacingException 404 for an unknown task or a unit outside the scope, 400 {@code invalid_status} or
	 *     {@code invalid_text}
	 */
	Change set(String taskKey, Long orgUnitId, String status, String note) {
		Plans.PlanTask task = plans.task(taskKey).orElseThrow(() -> UserFacingException.notFound("error.targets.task-unknown", taskKey));
		if (orgUnitId == null) {
			throw UserFacingException.badRequest("missing_unit", "error.targets.unit");
		}
		OrgUnit unit = scope.writable(orgUnitId);
		Status parsed = Status.parse(status);
		String text = Text.blankToNull(note);
		if (text != null) {
			Text.check("note", text, true);
			if (text.length() > 500) {
				throw UserFacingException.badRequest("invalid_note", "error.targets.task-note");
			}
		}
		Instant at = Instant.now(clock);
		String by = scope.user().username();
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into plan_task_status (task_key, org_unit_id, org_path, status, note, set_by, set_at)
				values (:task, :unit, :path, :status, :note, :by, :at)""")
				.param("task", task.key()).param("unit", unit.id()).param("path", unit.path()).param("status", parsed.name()).param("note", text)
				.param("by", by).param("at", Timestamp.from(at))
				.update(key, "id");
		long id = key.getKey().longValue();
		audit.record("PLAN_TASK_STATUS", "plan_task_status", id, unit.id(), task.key() + " → " + parsed.label);
		return new Change(id, task.key(), unit.id(), parsed, parsed.label, text, by, at);
	}

	/** Every status a task had in a unit in the caller's scope, newest first. */
	List<Change> history(String taskKey, long orgUnitId) {
		plans.task(taskKey).orElseThrow(() -> UserFacingException.notFound("error.targets.task-unknown", taskKey));
		OrgUnit unit = scope.readable(orgUnitId);
		return jdbc.sql("select * from plan_task_status where org_unit_id = :unit and task_key = :task order by id desc").param("unit", unit.id())
				.param("task", taskKey).query(PlanTasks::row).list();
	}

	private static Change row(ResultSet rs, int n) throws SQLException {
		Status status = Status.valueOf(rs.getString("status"));
		return new Change(rs.getLong("id"), rs.getString("task_key"), rs.getLong("org_unit_id"), status, status.label, rs.getString("note"),
				rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
	}
}
