package org.chuangwen.activities;

import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Plans a street issued, and how each community stands with them: what a street official follows and chases. */
@RestController
@RequestMapping("/api/v1/issued-plans")
class IssuedPlanApi {

	private final IssuedPlans plans;

	IssuedPlanApi(IssuedPlans plans) {
		this.plans = plans;
	}

	record PlanJson(long id, String title, String street, LocalDate dateFormed, String documentNumber, LocalDate respondBy, long communityId,
			String community, String state, boolean overdue, Long activityId, int reminders) {

		static PlanJson of(IssuedPlan p, LocalDate today) {
			return new PlanJson(p.id(), p.title(), p.streetName(), p.dateFormed(), p.documentNumber(), p.respondBy(), p.communityId(), p.communityName(),
					p.state().name().toLowerCase(), p.overdue(today), p.activityId(), p.reminders());
		}
	}

	/** Every community's state of the plans issued from the caller's unit or below. */
	@GetMapping
	List<PlanJson> issued() {
		LocalDate today = plans.today();
		return plans.issued().stream().map(p -> PlanJson.of(p, today)).toList();
	}

	/** The caller's own community's plans not yet done. */
	@GetMapping("/todo")
	List<PlanJson> todo() {
		LocalDate today = plans.today();
		return plans.awaiting().stream().map(p -> PlanJson.of(p, today)).toList();
	}

	@PostMapping("/{id}/communities/{communityId}/reminders")
	ResponseEntity<Void> remind(@PathVariable long id, @PathVariable long communityId) {
		plans.remind(id, communityId);
		return ResponseEntity.noContent().build();
	}
}
