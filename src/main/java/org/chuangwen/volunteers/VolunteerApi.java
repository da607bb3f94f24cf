package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.platform.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1")
class VolunteerApi {

	private final Volunteers volunteers;

	VolunteerApi(Volunteers volunteers) {
		this.volunteers = volunteers;
	}

	record VolunteerBody(Long orgUnitId, String name, String phone, String idNumber, String residence, String skills, String serviceTypes, String team,
			Long residentId) {

		NewVolunteer command() {
			return new NewVolunteer(orgUnitId, name, phone, idNumber, residence, skills, serviceTypes, team, residentId);
		}
	}

	record VolunteerJson(long id, long orgUnitId, String number, String name, String phone, String idNumber, String sex, LocalDate birthDate,
			String residence, String skills, String serviceTypes, Long teamId, String team, Long residentId, boolean selfRegistered) {

		static VolunteerJson of(Volunteer v) {
			return new VolunteerJson(v.id(), v.orgUnitId(), v.number(), v.name(), v.phone(), v.idNumber(), v.sex(), v.birthDate(), v.residence(),
					v.skills(), v.serviceTypes(), v.teamId(), v.teamName(), v.residentId(), v.selfRegistered());
		}
	}

	record RecordJson(long id, long volunteerId, Long activityId, String source, String title, LocalDate date, String place, String content,
			BigDecimal hours, String organizer, String leader, String served, String status, boolean manual, String enteredBy, String confirmedBy,
			String recorder, LocalDate dueBy, boolean overdue) {

		static RecordJson of(ServiceRecord r) {
			return new RecordJson(r.id(), r.volunteerId(), r.activityId(), r.source(), r.title(), r.date(), r.place(), r.content(), r.hours(),
					r.organizer(), r.leader(), r.served(), r.status(), r.manual(), r.enteredBy(), r.confirmedBy(), r.recorder(), r.dueBy(), r.overdue());
		}
	}

	record DetailsJson(long id, long orgUnitId, String number, String name, String phone, String idNumber, String sex, LocalDate birthDate,
			String residence, String skills, String serviceTypes, Long teamId, String team, Long residentId, boolean selfRegistered,
			BigDecimal totalHours, BigDecimal manualHours, String level, int stars, List<RecordJson> records, List<VolunteerNote> notes) {}

	record PageJson(List<VolunteerJson> items, long total, int page, int size) {}

	record TeamBody(Long orgUnitId, String name, String serviceArea, String skills, Long charterMaterialId, Long chartMaterialId) {}

	record CorrectionBody(LocalDate date, BigDecimal hours, String content, String reason) {}

	record NoteBody(String kind, LocalDate date, String title, String detail) {}

	record ConfirmBody(Long activityId) {}

	@PostMapping("/volunteers")
	ResponseEntity<VolunteerJson> register(@RequestBody VolunteerBody body) {
		Volunteer created = volunteers.register(body.command());
		return ResponseEntity.created(URI.create("/api/v1/volunteers/" + created.id())).body(VolunteerJson.of(created));
	}

	@GetMapping("/volunteers")
	PageJson search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		VolunteerPage found = volunteers.search(q, page, size);
		return new PageJson(found.items().stream().map(VolunteerJson::of).toList(), found.total(), found.page(), found.size());
	}

	@GetMapping("/volunteers/{id}")
	DetailsJson find(@PathVariable long id) {
		VolunteerDetails d = volunteers.details(id);
		Volunteer v = d.volunteer();
		return new DetailsJson(v.id(), v.orgUnitId(), v.number(), v.name(), v.phone(), v.idNumber(), v.sex(), v.birthDate(), v.residence(), v.skills(),
				v.serviceTypes(), v.teamId(), v.teamName(), v.residentId(), v.selfRegistered(), d.totalHours(), d.manualHours(), d.level(), d.stars(),
				d.records().stream().map(RecordJson::of).toList(), d.notes());
	}

	@PostMapping(value = "/volunteers/{id}/phone", produces = MediaType.TEXT_PLAIN_VALUE)
	String revealPhone(@PathVariable long id) {
		return volunteers.revealPhone(id);
	}

	@PostMapping(value = "/volunteers/{id}/id-number", produces = MediaType.TEXT_PLAIN_VALUE)
	String revealIdNumber(@PathVariable long id) {
		return volunteers.revealIdNumber(id);
	}

	@PostMapping("/volunteers/{id}/service-records")
	ResponseEntity<RecordJson> enter(@PathVariable long id, @RequestBody HandEntry entry) {
		ServiceRecord entered = volunteers.enter(id, entry);
		return ResponseEntity.created(URI.create("/api/v1/service-records/" + entered.id())).body(RecordJson.of(entered));
	}

	@PostMapping("/volunteers/{id}/notes")
	ResponseEntity<VolunteerNote> note(@PathVariable long id, @RequestBody NoteBody body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(volunteers.addNote(id, body.kind(), body.date(), body.title(), body.detail()));
	}

	@GetMapping("/volunteers/{id}/certificate.docx")
	ResponseEntity<byte[]> certificate(@PathVariable long id, @RequestParam(required = false) String leader,
			@RequestParam(required = false) String contact) {
		Volunteers.Certificate issued = volunteers.issueCertificate(id, leader, contact,
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/v/").toUriString());
		return ResponseEntity.ok().header("X-Certificate-Number", issued.number()).headers(Downloads.of(issued.fileName(), Downloads.DOCX, issued.docx()).getHeaders())
				.body(issued.docx());
	}

	@GetMapping("/service-records/pending")
	List<RecordJson> pending(@RequestParam(defaultValue = "200") int limit) {
		return volunteers.pending(limit).stream().map(RecordJson::of).toList();
	}

	@GetMapping("/service-records/{id}")
	RecordJson record(@PathVariable long id) {
		return RecordJson.of(volunteers.record(id));
	}

	@PostMapping("/service-records/confirmations")
	Confirmation confirm(@RequestBody ConfirmBody body) {
		if (body.activityId() == null) {
			throw org.chuangwen.platform.UserFacingException.badRequest("bad_parameter", "error.request.bad-parameter", "activityId");
		}
		return volunteers.confirmActivity(body.activityId());
	}

	@PostMapping("/service-records/{id}/approval")
	RecordJson approve(@PathVariable long id) {
		return RecordJson.of(volunteers.approve(id));
	}

	@PostMapping("/service-records/{id}/corrections")
	ResponseEntity<RecordJson> correct(@PathVariable long id, @RequestBody CorrectionBody body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(RecordJson.of(volunteers.correct(id, body.date(), body.hours(), body.content(), body.reason())));
	}

	@GetMapping("/service-records/{id}/corrections")
	List<Correction> corrections(@PathVariable long id) {
		return volunteers.corrections(id);
	}

	@GetMapping("/volunteer-totals")
	ServiceTotals totals(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) Integer year) {
		return volunteers.totals(orgUnitId, year);
	}

	@PostMapping("/volunteer-teams")
	ResponseEntity<Team> createTeam(@RequestBody TeamBody body) {
		Team team = volunteers.createTeam(body.orgUnitId(), body.name(), body.serviceArea(), body.skills(), body.charterMaterialId(), body.chartMaterialId());
		return ResponseEntity.created(URI.create("/api/v1/volunteer-teams/" + team.id())).body(team);
	}

	@GetMapping("/volunteer-teams")
	List<Team> teams() {
		return volunteers.teams();
	}
}
