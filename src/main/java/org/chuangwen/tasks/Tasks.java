package org.chuangwen.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.orgs.Role;
import org.chuangwen.orgs.Staff;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.chuangwen.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The tasks module's facade: turns an open gap of a unit in the caller's scope into a task, lists a unit's tasks after
 * closing those whose gap has closed, closes one by hand with a note. What reads tasks re-checks their gaps first, so a
 * list never shows open what the archive or the targets already show closed.
 */
@Service
public class Tasks {

	private static final Logger log = LoggerFactory.getLogger(Tasks.class);
	static final Locale STORED = Locale.SIMPLIFIED_CHINESE;

	private final TaskRows rows;
	private final Gaps gaps;
	private final DataScope scope;
	private final Orgs orgs;
	private final Accounts accounts;
	private final AuditLog audit;
	private final WriteTransactions writes;
	private final MessageSource messages;
	private final TaskProperties properties;
	private final Clock clock;

	Tasks(TaskRows rows, Gaps gaps, DataScope scope, Orgs orgs, Accounts accounts, AuditLog audit, WriteTransactions writes, MessageSource messages,
			TaskProperties properties, Clock clock) {
		this.properties = properties;
		this.rows = rows;
		this.gaps = gaps;
		this.scope = scope;
		this.orgs = orgs;
		this.accounts = accounts;
		this.audit = audit;
		this.writes = writes;
		this.messages = messages;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.SHANGHAI));
	}

	Instant now() {
		return Instant.now(clock);
	}

	record NewTask(Long orgUnitId, String indicatorCode, String gap, String assignee, LocalDate due) {}

	/**
	 * Makes a task of an open gap of a unit the caller may write to, for an account of that unit or above it within the
	 * caller's scope, due today or later.
	 *
	 * @throws UserFacingException 404 for a unit outside the scope; 400 {@code unknown_assignee}, {@code invalid_due},
	 *     {@code invalid_gap}; 409 {@code gap_closed} when the gap is not open, {@code task_exists} when an open task
	 *     already closes it
	 */
	TaskView create(NewTask command) {
		if (command.orgUnitId() == null) {
			throw UserFacingException.badRequest("invalid_unit", "error.tasks.unit");
		}
		OrgUnit unit = scope.writable(command.orgUnitId());
		Staff assignee = assignable(unit, command.assignee());
		LocalDate today = today();
		if (command.due() == null || command.due().isBefore(today)) {
			throw UserFacingException.badRequest("invalid_due", "error.tasks.due");
		}
		String reference = command.gap() == null ? null : command.gap().strip();
		Gaps.OpenGap gap = gaps.open(unit, Text.blankToNull(command.indicatorCode()), reference);
		String creator = scope.user().username();
		Task task = writes.run(() -> {
			if (rows.openExists(unit.id(), gap.indicatorCode(), reference)) {
				throw UserFacingException.conflict("task_exists", "error.tasks.exists");
			}
			long id = rows.insert(unit.id(), unit.path(), gap.indicatorCode(), reference, gap.text(), assignee.username(), command.due(),
					creator, Instant.now(clock));
			return rows.find(id).orElseThrow();
		});
		audit.record("TASK_CREATED", "rectification_task", task.id(), unit.id(), task.gap() + " → " + task.assignee() + ", 截止 " + task.due());
		return TaskView.of(task, unit.name(), today);
	}

	/**
	 * The one-click task of a page's button: assigned to the first worker of the unit's community (its head), else to
	 * the caller, and due in {@code chuangwen.tasks.default-days} days.
	 *
	 * @throws UserFacingException as {@link #create}
	 */
	TaskView createWithDefaults(Long orgUnitId, String indicatorCode, String gap) {
		OrgUnit unit = scope.writable(orgUnitId == null ? -1 : orgUnitId);
		String assignee = orgs.communityOf(unit).map(c -> accounts.staffAt(c.id())).orElse(List.of()).stream()
				.filter(s -> s.has(Role.WORKER)).map(Staff::username).findFirst().orElse(scope.user().username());
		return create(new NewTask(unit.id(), indicatorCode, gap, assignee, today().plusDays(properties.defaultDays())));
	}

	/** An enabled business account rooted at the unit or above it, and inside the caller's scope. */
	private Staff assignable(OrgUnit unit, String username) {
		Staff staff = accounts.staff(username == null ? null : username.strip()).orElse(null);
		OrgUnit home = staff == null ? null : orgs.find(staff.orgUnitId()).orElse(null);
		boolean fits = home != null && unit.path().startsWith(home.path()) && home.path().startsWith(scope.path())
				&& staff.roles().stream().anyMatch(Role::writes);
		if (!fits) {
			throw UserFacingException.badRequest("unknown_assignee", "error.tasks.assignee", username == null ? "" : username);
		}
		return staff;
	}

	/**
	 * The tasks of a unit in the caller's scope and of the units below it, open first; tasks whose gap has closed are
	 * closed (by {@code gap_closed}) before they are listed.
	 *
	 * @throws UserFacingException 404 for a unit outside the scope
	 */
	List<TaskView> list(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		closeSettled(rows.within(unit.path()).stream().filter(Task::open).toList());
		return views(rows.within(unit.path()));
	}

	/** The open overdue tasks at or below a unit in the caller's scope, after their gaps were re-checked. */
	List<TaskView> overdue(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		LocalDate today = today();
		closeSettled(rows.openOverdue(unit.path(), today));
		return views(rows.openOverdue(unit.path(), today));
	}

	/**
	 * Closes an open task in the caller's writable scope by hand, with a note saying why.
	 *
	 * @throws UserFacingException 404 for a task outside the scope, 400 {@code invalid_note}, 409 {@code task_closed}
	 */
	TaskView close(long id, String note) {
		Task task = rows.find(id).orElse(null);
		scope.checkWrite(task == null ? null : task.orgPath(), task == null ? null : task.orgUnitId(), "rectification_task", id);
		String text = Text.blankToNull(note);
		if (text == null || text.length() > 1000) {
			throw UserFacingException.badRequest("invalid_note", "error.tasks.note");
		}
		Text.check("note", text, true);
		String me = scope.user().username();
		if (!rows.close(id, me, Instant.now(clock), text)) {
			throw UserFacingException.conflict("task_closed", "error.tasks.closed");
		}
		audit.record("TASK_CLOSED", "rectification_task", id, task.orgUnitId(), text);
		return views(List.of(rows.find(id).orElseThrow())).get(0);
	}

	/** The caller's latest reminders in the app, newest first. */
	List<TaskRows.Notice> notices() {
		return rows.notices(scope.user().username(), 20);
	}

	/** Closes the given open tasks whose gaps have closed, as seen in the current scope; returns how many closed. */
	int closeSettled(List<Task> open) {
		Gaps.Check check = gaps.check();
		int closed = 0;
		for (Task task : open) {
			if (check.closed(task) && rows.close(task.id(), Task.GAP_CLOSED, Instant.now(clock), messages.getMessage("tasks.closed-auto", null, STORED))) {
				audit.record("TASK_CLOSED", "rectification_task", task.id(), task.orgUnitId(), Task.GAP_CLOSED);
				closed++;
			}
		}
		return closed;
	}

	/**
	 * Re-checks open tasks outside any request (an event, the reminder job), each as the account that made it, so the
	 * check sees what its creator may see. A creator who can no longer log in leaves the task to the next reading.
	 */
	void recheckAsCreators(List<Task> open) {
		open.stream().collect(Collectors.groupingBy(Task::createdBy)).forEach((creator, tasks) -> {
			try {
				accounts.callAs(creator, () -> closeSettled(tasks));
			} catch (RuntimeException e) {
				log.warn("Tasks {} of {} not re-checked now: {}", tasks.stream().map(Task::id).toList(), creator, e.toString());
			}
		});
	}

	/** Called once a material is filed: the open kind tasks of its unit and the units above it may have closed. */
	void materialFiled(String orgPath) {
		recheckAsCreators(rows.openKindTasksAbove(orgPath));
	}

	private List<TaskView> views(List<Task> tasks) {
		Map<Long, OrgUnit> units = orgs.units(tasks.stream().map(Task::orgUnitId).distinct().toList());
		LocalDate today = today();
		return tasks.stream()
				.map(t -> TaskView.of(t, Optional.ofNullable(units.get(t.orgUnitId())).map(OrgUnit::name).orElse(""), today))
				.toList();
	}
}
