package org.chuangwen.tasks;

import java.net.URI;
import java.util.List;
import org.chuangwen.orgs.DataScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 整改 tasks as JSON: make one of a gap, list a unit's, close one by hand, send today's reminders, read one's notices. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApi {

	private final Tasks tasks;
	private final Reminders reminders;
	private final DataScope scope;

	TaskApi(Tasks tasks, Reminders reminders, DataScope scope) {
		this.tasks = tasks;
		this.reminders = reminders;
		this.scope = scope;
	}

	record CloseBody(String note) {}

	@PostMapping
	ResponseEntity<TaskView> create(@RequestBody Tasks.NewTask body) {
		TaskView task = tasks.create(body);
		return ResponseEntity.created(URI.create("/api/v1/tasks?orgUnitId=" + task.orgUnitId())).body(task);
	}

	@GetMapping
	List<TaskView> list(@RequestParam(required = false) Long orgUnitId) {
		return tasks.list(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
	}

	@PostMapping("/{id}/close")
	TaskView close(@PathVariable long id, @RequestBody CloseBody body) {
		return tasks.close(id, body.note());
	}

	@PostMapping("/reminders")
	Reminders.Sent remind() {
		return reminders.sendNow();
	}

	@GetMapping("/notices")
	List<TaskRows.Notice> notices() {
		return tasks.notices();
	}
}
