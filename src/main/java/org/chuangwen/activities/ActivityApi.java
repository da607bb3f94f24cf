package org.chuangwen.activities;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.Upload;
import org.chuangwen.platform.FieldChange;
import org.chuangwen.platform.JsonParts;
import org.chuangwen.platform.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/v1")
class ActivityApi {

	private final Activities activities;
	private final Festivals festivals;
	private final ObjectMapper json;

	ActivityApi(Activities activities, Festivals festivals, ObjectMapper json) {
		this.activities = activities;
		this.festivals = festivals;
		this.json = json;
	}

	record FestivalJson(String name, LocalDate date, boolean traditional, String category) {}

	record StageJson(String stage, String label, String kind, boolean done, List<Long> materialIds) {}

	record ActivityJson(long id, long orgUnitId, String orgUnitName, String title, String category, List<String> indicatorCodes,
			LocalDateTime startsAt, LocalDateTime endsAt, String place, String organizer, Integer expectedParticipants, String targetGroups,
			Integer volunteersNeeded, String checkInCode, int signedUp, int checkedIn, List<StageJson> stages) {

		static ActivityJson of(Activity a) {
			return new ActivityJson(a.id(), a.orgUnitId(), a.orgUnitName(), a.title(), a.category().name(), a.indicatorCodes(), a.startsAt(),
					a.endsAt(), a.place(), a.organizer(), a.expectedParticipants(), a.targetGroups(), a.volunteersNeeded(), a.checkInCode(),
					a.signedUp(), a.checkedIn(), a.stages().stream()
							.map(s -> new StageJson(s.stage().name().toLowerCase(), s.stage().label(), s.stage().kind(), s.done(), s.materialIds()))
							.toList());
		}
	}

	record StageMeta(String stage, String title, LocalDate dateFormed, String link) {}

	record CheckIn(String name, String phone, Participant.Role role) {}

	record ParticipantJson(long id, String name, String phone, String role, LocalDateTime signedUpAt, LocalDateTime checkedInAt,
			LocalDateTime checkedOutAt, Integer minutes, boolean shortService) {

		static ParticipantJson of(Participant p) {
			return new ParticipantJson(p.id(), p.name(), p.phone(), p.role().name(), p.signedUpAt(), p.checkedInAt(), p.checkedOutAt(), p.minutes(),
					p.shortService());
		}
	}

	@GetMapping("/festivals")
	List<FestivalJson> festivals(@RequestParam int year) {
		if (year < 1901 || year > 2099) {
			throw UserFacingException.badRequest("bad_parameter", "error.request.bad-parameter", "year");
		}
		return festivals.of(year).stream().map(f -> new FestivalJson(f.name(), f.date(), f.traditional(), f.category())).toList();
	}

	@PostMapping("/activities")
	ResponseEntity<ActivityJson> plan(@RequestBody NewActivity plan) {
		Activity planned = activities.plan(plan);
		return ResponseEntity.created(URI.create("/api/v1/activities/" + planned.id())).body(ActivityJson.of(planned));
	}

	@GetMapping("/activities/{id}")
	ActivityJson find(@PathVariable long id) {
		return ActivityJson.of(activities.find(id));
	}

	/** Corrects the fields given (only those); the check-in window follows the times. */
	@PutMapping("/activities/{id}")
	ActivityJson correct(@PathVariable long id, @RequestBody ActivityCorrection correction) {
		return ActivityJson.of(activities.correct(id, correction));
	}

	@GetMapping("/activities/{id}/history")
	List<FieldChange> history(@PathVariable long id) {
		return activities.history(id);
	}

	@PostMapping(value = "/activities/{id}/materials", consumes = "multipart/form-data")
	ResponseEntity<MaterialApiJson> fileStage(@PathVariable long id, @RequestPart(name = "meta", required = false) String metaJson,
			@RequestPart(name = "file", required = false) List<MultipartFile> files) {
		if (metaJson == null || metaJson.isBlank()) {
			throw UserFacingException.badRequest("missing_part", "error.request.missing-part", "meta");
		}
		StageMeta meta = JsonParts.read(json, "meta", metaJson, StageMeta.class);
		MaterialDetails filed = activities.fileStage(id, meta.stage(), meta.title(), meta.dateFormed(), meta.link(), Upload.of(files));
		return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/materials/" + filed.id())).body(MaterialApiJson.of(filed));
	}

	record MaterialApiJson(long id, String kind, String title, List<String> indicatorCodes, int files) {

		static MaterialApiJson of(MaterialDetails m) {
			return new MaterialApiJson(m.id(), m.row().kind(), m.row().title(), m.indicators().stream().map(Indicator::code).toList(), m.files().size());
		}
	}

	@PostMapping("/activities/{id}/check-ins")
	ResponseEntity<ParticipantJson> checkIn(@PathVariable long id, @RequestBody CheckIn checkIn) {
		Participant p = activities.checkIn(id, checkIn.name(), checkIn.phone(), checkIn.role());
		return ResponseEntity.status(HttpStatus.CREATED).body(ParticipantJson.of(p));
	}

	@GetMapping("/activities/{id}/participants")
	List<ParticipantJson> participants(@PathVariable long id) {
		return activities.participants(id).stream().map(ParticipantJson::of).toList();
	}

	@PostMapping("/activities/{id}/attendance")
	ResponseEntity<MaterialApiJson> attendance(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(MaterialApiJson.of(activities.fileAttendance(id)));
	}

	@GetMapping("/activities/{id}/briefing.docx")
	ResponseEntity<byte[]> briefing(@PathVariable long id, @RequestParam(name = "photo", required = false) List<String> photos) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		activities.writeBriefing(id, photos, out);
		return ActivityController.docx(activities.find(id).title() + "简报(草稿).docx", out.toByteArray());
	}
}
