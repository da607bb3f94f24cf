package org.chuangwen.targets;

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

/** The plans (年度计划, 十一五/十二五规划) with their tasks' progress in a unit, as JSON. */
@RestController
@RequestMapping("/api/v1/plans")
class PlanApi {

	private final PlanTasks tasks;
	private final DataScope scope;

	PlanApi(PlanTasks tasks, DataScope scope) {
		this.tasks = tasks;
		this.scope = scope;
	}

	record StatusBody(Long orgUnitId, String status, String note) {}

	@GetMapping
	List<PlanTasks.DocumentState> plans(@RequestParam(required = false) Long orgUnitId) {
		return tasks.of(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
	}

	@PostMapping("/tasks/{key}/status")
	ResponseEntity<PlanTasks.Change> set(@PathVariable String key, @RequestBody StatusBody body) {
		PlanTasks.Change change = tasks.set(key, body.orgUnitId(), body.status(), body.note());
		return ResponseEntity.created(URI.create("/api/v1/plans/tasks/" + key + "/status?orgUnitId=" + change.orgUnitId())).body(change);
	}

	@GetMapping("/tasks/{key}/status")
	List<PlanTasks.Change> history(@PathVariable String key, @RequestParam long orgUnitId) {
		return tasks.history(key, orgUnitId);
	}
}
