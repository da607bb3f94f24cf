package org.chuangwen.tasks;

import jakarta.servlet.http.HttpServletRequest;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tasks page of a unit (with the caller's reminders), the overdue fragment other pages load, and the one-click
 * "转为整改任务" buttons of the readiness, box and targets pages. Writes are Post/Redirect/Get.
 */
@Controller
class TaskPages {

	static final String PAGE = "tasks/tasks";
	static final String OVERDUE = "tasks/tasks :: overdue";

	private final Tasks tasks;
	private final DataScope scope;
	private final UserMessages messages;

	TaskPages(Tasks tasks, DataScope scope, UserMessages messages) {
		this.tasks = tasks;
		this.scope = scope;
		this.messages = messages;
	}

	@GetMapping("/tasks")
	String page(@RequestParam(required = false) Long orgUnitId, Model model) {
		long unit = orgUnitId == null ? scope.user().orgUnitId() : orgUnitId;
		var list = tasks.list(unit);
		model.addAttribute("unit", scope.readable(unit));
		model.addAttribute("tasks", list);
		model.addAttribute("overdue", list.stream().filter(TaskView::overdue).toList());
		model.addAttribute("notices", tasks.notices());
		return PAGE;
	}

	/** The overdue tasks at or below a unit, as a fragment for the readiness page. */
	@GetMapping("/tasks/overdue")
	String overdue(@RequestParam long orgUnitId, Model model) {
		model.addAttribute("unit", scope.readable(orgUnitId));
		model.addAttribute("overdue", tasks.overdue(orgUnitId));
		return OVERDUE;
	}

	@PostMapping("/tasks")
	String create(@RequestParam Long orgUnitId, @RequestParam(required = false) String indicatorCode, @RequestParam String gap,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			TaskView task = tasks.createWithDefaults(orgUnitId, indicatorCode, gap);
			redirect.addFlashAttribute("flash", messages.of(request, "tasks.created", task.assignee(), task.due().toString()));
		} catch (UserFacingException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/tasks?orgUnitId=" + orgUnitId;
	}

	@PostMapping("/tasks/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam long orgUnitId, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			tasks.close(id, note);
			redirect.addFlashAttribute("flash", messages.of(request, "tasks.closed-by-hand"));
		} catch (UserFacingException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/tasks?orgUnitId=" + orgUnitId;
	}
}
