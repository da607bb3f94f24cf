package org.chuangwen.activities;

import static org.chuangwen.activities.ActivityFields.SHANGHAI;
import static org.chuangwen.activities.ActivityFields.bytes;
import static org.chuangwen.activities.ActivityFields.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chuangwen.activities.ActivityRows.Row;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.FileInfo;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.PhotoCaption;
import org.chuangwen.evidence.PhotoRef;
import org.chuangwen.evidence.Upload;
import org.chuangwen.platform.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The material of an activity's stages: filed once through the evidence archive, with the stage's kind, into the box of
 * every indicator the activity serves; the plan, lists and sheets generated from what was already recorded, and drafts
 * of the briefing and summary from the activity's own data and photos.
 */
@Component
class StageFiling {

	private final JdbcClient jdbc;
	private final EvidenceArchive evidence;
	private final ActivityDocuments documents;
	private final ActivityRows rows;
	private final Participants participants;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	StageFiling(JdbcClient jdbc, EvidenceArchive evidence, ActivityDocuments documents, ActivityRows rows, Participants participants,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.evidence = evidence;
		this.documents = documents;
		this.rows = rows;
		this.participants = participants;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	MaterialDetails fileStage(long id, String stageName, String title, LocalDate dateFormed, List<Upload> uploads) {
		return fileStage(id, stageName, title, dateFormed, null, uploads);
	}

	@Transactional
	MaterialDetails fileStage(long id, String stageName, String title, LocalDate dateFormed, String link, List<Upload> uploads) {
		Row row = rows.writable(id);
		ActivityStage stage = ActivityStage.parse(stageName)
				.orElseThrow(() -> UserFacingException.badRequest("unknown_stage", "error.activity.stage", stageName));
		Activity activity = rows.toActivity(row);
		String materialTitle = title == null || title.isBlank() ? activity.title() + "·" + stage.label() : title.strip();
		if (link != null && !link.isBlank()) {
			String url = link.strip();
			if (!url.matches("(?i)https?://\\S{3,1000}")) {
				throw UserFacingException.badRequest("invalid_link", "error.activity.link");
			}
			List<Upload> withLink = new ArrayList<>(uploads);
			withLink.add(0, upload(materialTitle + "(链接).docx", bytes(out -> documents.link(activity, materialTitle, url, out))));
			uploads = withLink;
		}
		LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
		LocalDate day = activity.startsAt().toLocalDate();
		// a plan or notice filed ahead of the day is formed today, not on the day of the activity
		LocalDate formed = dateFormed != null ? dateFormed : day.isAfter(today) ? today : day;
		MaterialDetails material = evidence.file(new NewMaterial(activity.orgUnitId(), stage.kind(), materialTitle, formed,
				activity.organizer() != null ? activity.organizer() : activity.orgUnitName(), activity.indicatorCodes()), uploads);
		jdbc.sql("insert into activity_stage (activity_id, stage, material_id) values (:a, :s, :m)")
				.param("a", id).param("s", stage.name()).param("m", material.id()).update();
		if (stage == ActivityStage.PHOTOS) {
			// the place of a photo (DA/T 50) is known from the plan; its time comes from the camera
			List<PhotoRef> photos = material.files().stream().filter(FileInfo::photo).map(f -> new PhotoRef(material.id(), f.index())).toList();
			if (!photos.isEmpty()) {
				evidence.captionAll(photos, new PhotoCaption(null, null, activity.place(), null, null));
				return evidence.find(material.id());
			}
		}
		return material;
	}

	@Transactional
	MaterialDetails filePlan(long id) {
		Activity activity = rows.find(id);
		byte[] docx = bytes(out -> documents.plan(activity, out));
		String title = planTitle(activity);
		return fileStage(id, ActivityStage.PLAN.name(), title, null, List.of(upload(title + ".docx", docx)));
	}

	@Transactional
	MaterialDetails fileSignups(long id) {
		Activity activity = rows.find(id);
		byte[] docx = bytes(out -> documents.participants(activity, participants.participants(id), false, out));
		return fileStage(id, ActivityStage.SIGNUP.name(), activity.title() + "报名表", null, List.of(upload(activity.title() + "报名表.docx", docx)));
	}

	@Transactional
	MaterialDetails fileAttendance(long id) {
		Activity activity = rows.find(id);
		List<Participant> participants = this.participants.participants(id);
		List<Participant> attended = participants.stream().filter(Participant::attended).toList();
		if (attended.isEmpty()) {
			throw UserFacingException.badRequest("nobody_checked_in", "error.activity.nobody");
		}
		byte[] docx = bytes(out -> documents.participants(activity, attended, true, out));
		MaterialDetails sheet = fileStage(id, ActivityStage.ATTENDANCE.name(), activity.title() + "签到表", null,
				List.of(upload(activity.title() + "签到表.docx", docx)));
		events.publishEvent(new ActivityHeld(id, activity.orgUnitId(), rows.row(id).path(), activity.indicators().stream().map(Indicator::id).toList(),
				activity.category().name(), activity.title(), activity.place(), activity.organizer(), activity.startsAt(), activity.endsAt(),
				this.participants.attendees(id)));
		return sheet;
	}

	void writeBriefing(long id, List<String> chosen, OutputStream out) throws IOException {
		Activity activity = rows.find(id);
		List<ActivityPhoto> photos = photos(activity, chosen == null || chosen.isEmpty() ? 4 : Integer.MAX_VALUE);
		if (chosen != null && !chosen.isEmpty()) {
			photos = photos.stream().filter(p -> chosen.contains(p.key())).toList();
		}
		documents.briefing(activity, participants.participants(id), photos, out);
	}

	List<ActivityPhoto> photos(long id) {
		return photos(rows.find(id), Integer.MAX_VALUE);
	}

	void writeSummary(long id, OutputStream out) throws IOException {
		Activity activity = rows.find(id);
		documents.summary(activity, participants.participants(id), photos(activity, 2), out);
	}

	private List<ActivityPhoto> photos(Activity activity, int limit) {
		List<ActivityPhoto> photos = new ArrayList<>();
		for (long materialId : activity.stage(ActivityStage.PHOTOS).materialIds()) {
			MaterialDetails material = evidence.find(materialId);
			if (material.row().deletedAt() != null) {
				continue;
			}
			for (FileInfo file : material.files()) {
				if (file.photo() && photos.size() < limit) {
					photos.add(new ActivityPhoto(materialId, material.row().title(), file, () -> evidence.open(file)));
				}
			}
		}
		return photos;
	}

	/** 中秋联欢活动 → 中秋联欢活动方案, 文明礼仪讲座 → 文明礼仪讲座活动方案. */
	static String planTitle(Activity activity) {
		return activity.title() + (activity.title().endsWith("活动") ? "方案" : "活动方案");
	}
}
