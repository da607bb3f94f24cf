package org.chuangwen.families;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/families")
class FamiliesApi {

	private final Families families;

	FamiliesApi(Families families) {
		this.families = families;
	}

	record NominationBody(Long householdId, String nominatorKind, String nominatorName, String reason) {}

	record ReviewBody(List<Nominations.ReviewAnswer> items, String note) {}

	record AwardBody(Long householdId, String level, LocalDate awardedOn, LocalDate plaqueOn, Long nominationId) {}

	record RevokeBody(String reason) {}

	record AwardWithHistory(Awards.Award award, List<FamilyHistory.Change> history) {}

	@GetMapping("/criteria")
	List<Nominations.Criterion> criteria() {
		return families.criteria();
	}

	record CriterionBody(String name) {}

	/** An administrator adds a criterion new reviews assess. */
	@PostMapping("/criteria")
	ResponseEntity<Nominations.Criterion> addCriterion(@RequestBody CriterionBody body) {
		Nominations.Criterion c = families.addCriterion(body.name());
		return ResponseEntity.created(URI.create("/api/v1/families/criteria/" + c.id())).body(c);
	}

	/** An administrator stops asking a criterion; earlier reviews keep it. */
	@PostMapping("/criteria/{id}/retire")
	ResponseEntity<Void> retireCriterion(@PathVariable long id) {
		families.retireCriterion(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/nominations")
	ResponseEntity<Nominations.Nomination> nominate(@RequestBody NominationBody body) {
		Nominations.Nomination n = families.nominate(body.householdId(), body.nominatorKind(), body.nominatorName(), body.reason());
		return ResponseEntity.created(URI.create("/api/v1/families/nominations/" + n.id())).body(n);
	}

	@GetMapping("/nominations")
	List<Nominations.Nomination> nominations(@RequestParam long orgUnitId) {
		return families.nominations(orgUnitId);
	}

	@PostMapping("/nominations/{id}/review")
	ResponseEntity<Nominations.Review> review(@PathVariable long id, @RequestBody ReviewBody body) {
		Nominations.Review review = families.review(id, body.items(), body.note());
		return ResponseEntity.status(201).body(review);
	}

	@PostMapping("/awards")
	ResponseEntity<Awards.Award> award(@RequestBody AwardBody body) {
		Awards.Award award = families.award(body.householdId(), body.level(), body.awardedOn(), body.plaqueOn(), body.nominationId());
		return ResponseEntity.created(URI.create("/api/v1/families/awards/" + award.id())).body(award);
	}

	@GetMapping("/awards")
	List<Awards.Award> awards(@RequestParam long orgUnitId) {
		return families.awards(orgUnitId);
	}

	@GetMapping("/awards/{id}")
	AwardWithHistory award(@PathVariable long id) {
		return new AwardWithHistory(families.award(id), families.history(id));
	}

	@PostMapping("/awards/{id}/revoke")
	Awards.Award revoke(@PathVariable long id, @RequestBody(required = false) RevokeBody body) {
		return families.revoke(id, body == null ? null : body.reason());
	}

	@GetMapping("/share")
	Awards.Share share(@RequestParam long orgUnitId) {
		return families.share(orgUnitId);
	}
}
