package org.chuangwen.elections;

import java.net.URI;
import java.util.List;
import org.chuangwen.evidence.Upload;
import org.chuangwen.platform.JsonParts;
import org.chuangwen.platform.UserFacingException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/v1/joint-meetings")
class MeetingApi {

	private final JointMeetings meetings;
	private final ObjectMapper json;

	MeetingApi(JointMeetings meetings, ObjectMapper json) {
		this.meetings = meetings;
		this.json = json;
	}

	record NewMeeting(Long orgUnitId, String date, String attendees, String topics, String minutes) {}

	@PostMapping(consumes = "application/json")
	ResponseEntity<JointMeetings.Meeting> record(@RequestBody NewMeeting body) {
		return created(meetings.record(body.orgUnitId(), body.date(), body.attendees(), body.topics(), body.minutes(), List.of()));
	}

	/** The same with the minutes as files: part {@code meta} (the JSON above) and parts {@code file}. */
	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<JointMeetings.Meeting> recordWithFiles(@RequestPart(name = "meta", required = false) String metaJson,
			@RequestPart(name = "file", required = false) List<MultipartFile> files) {
		if (metaJson == null || metaJson.isBlank()) {
			throw UserFacingException.badRequest("missing_part", "error.request.missing-part", "meta");
		}
		NewMeeting body = JsonParts.read(json, "meta", metaJson, NewMeeting.class);
		return created(meetings.record(body.orgUnitId(), body.date(), body.attendees(), body.topics(), body.minutes(), Upload.of(files)));
	}

	@GetMapping
	List<JointMeetings.Meeting> list(@RequestParam(required = false) Long orgUnitId) {
		return meetings.list(orgUnitId);
	}

	private static ResponseEntity<JointMeetings.Meeting> created(JointMeetings.Meeting meeting) {
		return ResponseEntity.created(URI.create("/api/v1/joint-meetings?orgUnitId=" + meeting.orgUnitId())).body(meeting);
	}
}
