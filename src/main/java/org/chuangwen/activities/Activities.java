package org.chuangwen.activities;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.FileInfo;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.PhotoCaption;
import org.chuangwen.evidence.PhotoRef;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Dates;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities and their stages. A stage's material is filed through the evidence archive once, with the stage's kind,
 * into the box of every indicator the activity serves — the worker never types the same facts twice. Participants'
 * phones are stored encrypted and shown masked; revealing one is audited.
 */
@Service
public class Activities {

	static final ZoneId SHANGHAI = Zones.SHANGHAI;
	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	/** 32^8 ≈ 10^12 codes, against the guesses one address may make (SelfCheckIn); older activities keep 6. */
	private static final int CODE_LENGTH = 8;

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final DataScope scope;
	private final Orgs orgs;
	private final EvidenceArchive evidence;
	private final PersonalData personal;
	private final ActivityDocuments documents;
	private final ActivityProperties properties;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Activities(JdbcClient jdbc, Catalog catalog, DataScope scope, Orgs orgs, EvidenceArchive evidence, PersonalData personal,
			ActivityDocuments documents, ActivityProperties properties, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.scope = scope;
		this.orgs = orgs;
		this.evidence = evidence;
		this.personal = personal;
		this.documents = documents;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- categories

	public List<ActivityCategory> categories() {
		return jdbc.sql("select * from activity_category where active = true order by sort, id").query(Activities::category).list();
	}

	public ActivityCategory category(String name) {
		return jdbc.sql("select * from activity_category where name = :name and active = true")
				.param("name", name == null ? "" : name.strip())
				.query(Activities::category)
				.optional()
				.orElseThrow(() -> UserFacingException.badRequest("unknown_category", "error.activity.category", name));
	}

	/** Every category, active or not, for administrators to edit. */
	public List<ActivityCategory> allCategories() {
		return jdbc.sql("select * from activity_category order by sort, id").query(Activities::category).list();
	}

	/**
	 * Adds a category or changes one ({@code id} null adds): its name, group, indicators (codes of the edition in
	 * force), the 进社区 kind it counts for (科教, 文体, 法律, 卫生, 环保 or none), order and whether it is offered.
	 */
	@Transactional
	public ActivityCategory saveCategory(Long id, String name, String group, List<String> indicatorCodes, String outreach, int sort, boolean active) {
		scope.requireAdmin("activity_category", id);
		String cleanName = required(name, 50, "error.category.name");
		String cleanGroup = required(group, 50, "error.category.group");
		String codes = String.join(",", catalog.resolveAll(indicatorCodes).stream().map(Indicator::code).toList());
		String kind = outreach == null || outreach.isBlank() ? null : outreach.strip();
		if (kind != null && !OutreachCoverage.KINDS.contains(kind)) {
			throw UserFacingException.badRequest("invalid_outreach", "error.category.outreach", kind);
		}
		boolean taken = jdbc.sql("select count(*) from activity_category where name = :n and (cast(:id as bigint) is null or id <> :id)")
				.param("n", cleanName).param("id", id).query(Long.class).single() > 0;
		if (taken) {
			throw UserFacingException.conflict("duplicate_category", "error.category.duplicate", cleanName);
		}
		if (id == null) {
			jdbc.sql("insert into activity_category (name, group_name, indicator_codes, outreach, sort, active) values (:n, :g, :c, :o, :s, :a)")
					.param("n", cleanName).param("g", cleanGroup).param("c", codes).param("o", kind).param("s", sort).param("a", active).update();
		} else if (jdbc.sql("update activity_category set name = :n, group_name = :g, indicator_codes = :c, outreach = :o, sort = :s, active = :a where id = :id")
				.param("n", cleanName).param("g", cleanGroup).param("c", codes).param("o", kind).param("s", sort).param("a", active).param("id", id)
				.update() == 0) {
			throw UserFacingException.notFound("error.scope.not-found");
		}
		audit.record("CATEGORY_SAVED", "activity_category", id, null, cleanName + " " + codes);
		return jdbc.sql("select * from activity_category where name = :n").param("n", cleanName).query(Activities::category).single();
	}

	/** The indicators of a category that the edition in force knows. */
	public List<Indicator> indicatorsOf(ActivityCategory category) {
		return category.indicatorCodes().stream().flatMap(code -> catalog.find(code).stream()).toList();
	}

	// ---------------------------------------------------------------- planning

	/**
	 * Plans an activity in a unit the caller may write to. Indicators default to the category's.
	 *
	 * @throws UserFacingException naming the field at fault
	 */
	@Transactional
	public Activity plan(NewActivity plan) {
		if (plan.orgUnitId() == null) {
			throw UserFacingException.badRequest("missing_unit", "error.material.unit");
		}
		OrgUnit unit = scope.writable(plan.orgUnitId());
		String title = required(plan.title(), 200, "error.activity.title");
		ActivityCategory category = category(plan.category());
		if (plan.startsAt() == null || plan.endsAt() == null || !plan.endsAt().isAfter(plan.startsAt())) {
			throw UserFacingException.badRequest("invalid_time", "error.activity.time");
		}
		// recorded afterwards up to three years back, planned up to two years ahead: beyond that a year was mistyped
		LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
		Dates.requireWithin("startsAt", plan.startsAt(), today.minusYears(3).atStartOfDay(), today.plusYears(2).atStartOfDay());
		Dates.requireWithin("endsAt", plan.endsAt(), today.minusYears(3).atStartOfDay(), today.plusYears(2).atStartOfDay());
		String place = required(plan.place(), 200, "error.activity.place");
		List<Indicator> indicators = plan.indicatorCodes().isEmpty() ? indicatorsOf(category) : catalog.resolveAll(plan.indicatorCodes());
		if (indicators.isEmpty()) {
			throw UserFacingException.badRequest("missing_indicator", "error.indicator.none");
		}
		if (plan.issuedPlanId() != null) {
			Long community = orgs.communityOf(unit).map(OrgUnit::id).orElse(unit.id());
			boolean target = jdbc.sql("select count(*) from issued_plan_target where plan_id = :plan and community_id = :community")
					.param("plan", plan.issuedPlanId()).param("community", community).query(Long.class).single() > 0;
			if (!target) {
				throw UserFacingException.notFound("error.scope.not-found");
			}
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into activity (org_unit_id, org_path, title, category_id, starts_at, ends_at, place, organizer, expected_participants,
				    target_groups, volunteers_needed, description, festival, issued_plan_id, check_in_code, created_by, created_at)
				values (:unit, :path, :title, :category, :starts, :ends, :place, :organizer, :expected, :groups, :volunteers, :description,
				    :festival, :issued, :code, :by, :at)""")
				.param("unit", unit.id())
				.param("path", unit.path())
				.param("title", title)
				.param("category", category.id())
				.param("starts", utc(plan.startsAt()))
				.param("ends", utc(plan.endsAt()))
				.param("place", place)
				.param("organizer", optional(plan.organizer(), 200, "error.activity.organizer"))
				.param("expected", positive(plan.expectedParticipants()))
				.param("groups", optional(plan.targetGroups(), 300, "error.activity.target-groups"))
				.param("volunteers", positive(plan.volunteersNeeded()))
				.param("description", optional(plan.description(), 4000, "error.activity.description"))
				.param("festival", optional(plan.festival(), 20, "error.activity.festival"))
				.param("issued", plan.issuedPlanId())
				.param("code", freshCode())
				.param("by", scope.user().username())
				.param("at", Timestamp.from(Instant.now(clock)))
				.update(key, "id");
		long id = key.getKey().longValue();
		for (Indicator indicator : new LinkedHashSet<>(indicators)) {
			jdbc.sql("insert into activity_indicator (activity_id, indicator_id) values (:a, :i)").param("a", id).param("i", indicator.id()).update();
		}
		if (unit.kind() == OrgKind.BUILDING) {
			jdbc.sql("insert into activity_building (activity_id, org_unit_id) values (:a, :u)").param("a", id).param("u", unit.id()).update();
		}
		if (plan.issuedPlanId() != null) {
			jdbc.sql("update issued_plan_target set activity_id = :a where plan_id = :p and community_id = :c and activity_id is null")
					.param("a", id).param("p", plan.issuedPlanId()).param("c", orgs.communityOf(unit).map(OrgUnit::id).orElse(unit.id())).update();
		}
		audit.record("ACTIVITY_PLANNED", "activity", id, unit.id(), title);
		return find(id);
	}

	/** An activity in the caller's scope; 404 otherwise. */
	public Activity find(long id) {
		Row row = row(id);
		scope.checkRead(row == null ? null : row.path(), row == null ? null : row.unitId(), "activity", id);
		return toActivity(row);
	}

	/** Activities in the caller's scope starting on or after {@code from} and before {@code to} (local dates; null for open ends), newest first. */
	public List<Activity> list(LocalDate from, LocalDate to, int limit) {
		return jdbc.sql(SELECT + " where a.org_path like :path and a.starts_at >= :from and a.starts_at < :to order by a.starts_at desc fetch first :limit rows only")
				.param("path", scope.path() + "%")
				.param("from", utc((from == null ? LocalDate.of(1949, 1, 1) : from).atStartOfDay()))
				.param("to", utc((to == null ? LocalDate.of(2200, 1, 1) : to).atStartOfDay()))
				.param("limit", limit)
				.query(Activities::row)
				.list()
				.stream()
				.map(this::toActivity)
				.toList();
	}

	/** The buildings (楼院) an activity reached, for the 进社区 coverage; each must lie in the activity's community. */
	@Transactional
	public void reach(long id, List<Long> buildingIds) {
		Row row = writable(id);
		OrgUnit community = orgs.find(row.unitId()).flatMap(orgs::communityOf)
				.orElseThrow(() -> UserFacingException.badRequest("not_a_community", "error.export.community", row.unitName()));
		jdbc.sql("delete from activity_building where activity_id = :a").param("a", id).update();
		for (long buildingId : new LinkedHashSet<>(buildingIds)) {
			OrgUnit building = scope.readable(buildingId);
			if (building.kind() != OrgKind.BUILDING || !building.path().startsWith(community.path())) {
				throw UserFacingException.badRequest("not_a_building", "error.activity.building", building.name());
			}
			jdbc.sql("insert into activity_building (activity_id, org_unit_id) values (:a, :u)").param("a", id).param("u", buildingId).update();
		}
		audit.record("ACTIVITY_REACH", "activity", id, row.unitId(), buildingIds.size() + " buildings");
	}

	// ---------------------------------------------------------------- stages

	/**
	 * Files the material of a stage: into the box of every indicator of the activity, as the stage's kind, formed on
	 * {@code dateFormed} (default: the activity's day).
	 */
	@Transactional
	public MaterialDetails fileStage(long id, String stageName, String title, LocalDate dateFormed, List<Upload> uploads) {
		return fileStage(id, stageName, title, dateFormed, null, uploads);
	}

	/**
	 * As {@link #fileStage(long, String, String, LocalDate, List)}; a media report (媒体报道) may carry the link of the
	 * report, kept in a generated record beside the clipping or screenshot.
	 */
	@Transactional
	public MaterialDetails fileStage(long id, String stageName, String title, LocalDate dateFormed, String link, List<Upload> uploads) {
		Row row = writable(id);
		ActivityStage stage = ActivityStage.parse(stageName)
				.orElseThrow(() -> UserFacingException.badRequest("unknown_stage", "error.activity.stage", stageName));
		Activity activity = toActivity(row);
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

	/** Renders the plan (方案) from what was typed when planning and files it. */
	@Transactional
	public MaterialDetails filePlan(long id) {
		Activity activity = find(id);
		byte[] docx = bytes(out -> documents.plan(activity, out));
		String title = planTitle(activity);
		return fileStage(id, ActivityStage.PLAN.name(), title, null, List.of(upload(title + ".docx", docx)));
	}

	/** Files the sign-up list (报名表) generated from the sign-ups. */
	@Transactional
	public MaterialDetails fileSignups(long id) {
		Activity activity = find(id);
		byte[] docx = bytes(out -> documents.participants(activity, participants(id), false, out));
		return fileStage(id, ActivityStage.SIGNUP.name(), activity.title() + "报名表", null, List.of(upload(activity.title() + "报名表.docx", docx)));
	}

	/**
	 * Files the attendance sheet (签到表) generated from the check-ins — never typed again — and tells later ledgers
	 * who took part.
	 */
	@Transactional
	public MaterialDetails fileAttendance(long id) {
		Activity activity = find(id);
		List<Participant> participants = participants(id);
		List<Participant> attended = participants.stream().filter(Participant::attended).toList();
		if (attended.isEmpty()) {
			throw UserFacingException.badRequest("nobody_checked_in", "error.activity.nobody");
		}
		byte[] docx = bytes(out -> documents.participants(activity, attended, true, out));
		MaterialDetails sheet = fileStage(id, ActivityStage.ATTENDANCE.name(), activity.title() + "签到表", null,
				List.of(upload(activity.title() + "签到表.docx", docx)));
		List<Participant> volunteers = attended.stream().filter(p -> p.role() == Participant.Role.VOLUNTEER).toList();
		events.publishEvent(new ActivityHeld(id, activity.orgUnitId(), row(id).path(), activity.indicators().stream().map(Indicator::id).toList(),
				activity.category().name(), activity.startsAt().toLocalDate(), attended.size(), volunteers.size(),
				volunteers.stream().map(Participant::minutes).filter(m -> m != null).toList()));
		return sheet;
	}

	/**
	 * A draft of the briefing (简报) from the activity's own data and its photos with their captions: the photos chosen
	 * ({@code chosen} as {@code materialId:index}), or the first four.
	 */
	public void writeBriefing(long id, List<String> chosen, OutputStream out) throws IOException {
		Activity activity = find(id);
		List<ActivityPhoto> photos = photos(activity, chosen == null || chosen.isEmpty() ? 4 : Integer.MAX_VALUE);
		if (chosen != null && !chosen.isEmpty()) {
			photos = photos.stream().filter(p -> chosen.contains(p.key())).toList();
		}
		documents.briefing(activity, participants(id), photos, out);
	}

	/** The photos filed for an activity, for choosing those of the briefing. */
	public List<ActivityPhoto> photos(long id) {
		return photos(find(id), Integer.MAX_VALUE);
	}

	/** A draft of the summary (总结) for the worker to complete. */
	public void writeSummary(long id, OutputStream out) throws IOException {
		Activity activity = find(id);
		documents.summary(activity, participants(id), photos(activity, 2), out);
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

	// ---------------------------------------------------------------- participants

	/** Everyone signed up or checked in, phones masked. */
	public List<Participant> participants(long id) {
		find(id);
		return jdbc.sql("select * from activity_participant where activity_id = :a order by coalesce(checked_in_at, signed_up_at), id")
				.param("a", id)
				.query((rs, n) -> participant(rs, PersonalData.maskPhone(personal.decrypt(rs.getString("phone_enc")))))
				.list();
	}

	/** The full phone number of a participant, for a role that may write in the activity's unit; audited. */
	@Transactional
	public String revealPhone(long id, long participantId) {
		Row row = writable(id);
		String stored = jdbc.sql("select phone_enc from activity_participant where id = :p and activity_id = :a")
				.param("p", participantId).param("a", id).query(String.class).optional()
				.orElseThrow(() -> UserFacingException.notFound("error.scope.not-found"));
		audit.record("PERSONAL_DATA_REVEALED", "activity_participant", participantId, row.unitId(), "phone");
		return personal.decrypt(stored);
	}

	/** A check-in on behalf of someone (API, or a worker's list), within the activity's check-in window. */
	@Transactional
	public Participant checkIn(long id, String name, String phone, Participant.Role role) {
		Row row = writable(id);
		Instant now = Instant.now(clock);
		if (now.isBefore(row.starts().minus(properties.checkInOpensBefore())) || now.isAfter(row.ends().plus(properties.checkInClosesAfter()))) {
			throw window(row);
		}
		Participant p = record(row, name, phone, role, false, scope.user().username());
		audit.record(p.checkedOutAt() != null ? "CHECKED_OUT" : "CHECKED_IN", "activity_participant", p.id(), row.unitId(),
				p.phone() + " " + p.role().label());
		return p;
	}

	/** A worker marks from the list that someone who signed up came (for activities recorded afterwards too). */
	@Transactional
	public void markAttended(long id, long participantId) {
		Row row = writable(id);
		int updated = jdbc.sql("update activity_participant set checked_in_at = coalesce(checked_in_at, :at), recorded_by = :by where id = :p and activity_id = :a")
				.param("at", Timestamp.from(row.starts())).param("by", scope.user().username()).param("p", participantId).param("a", id).update();
		if (updated == 0) {
			throw UserFacingException.notFound("error.scope.not-found");
		}
		audit.record("ATTENDANCE_MARKED", "activity_participant", participantId, row.unitId(), null);
	}

	private Participant record(Row row, String name, String phone, Participant.Role role, boolean signUp, String recordedBy) {
		String cleanName = required(name, 50, "error.activity.name");
		String digits = phoneDigits(phone);
		Participant.Role as = role == null ? Participant.Role.RESIDENT : role;
		String hash = personal.lookupHash(digits);
		Timestamp now = Timestamp.from(Instant.now(clock));
		Optional<Long> existing = jdbc.sql("select id from activity_participant where activity_id = :a and phone_hash = :h")
				.param("a", row.id()).param("h", hash).query(Long.class).optional();
		if (existing.isEmpty()) {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("""
					insert into activity_participant (activity_id, name, phone_enc, phone_hash, role, signed_up_at, checked_in_at, recorded_by)
					values (:a, :name, :phone, :hash, :role, :signed, :checked, :by)""")
					.param("a", row.id()).param("name", cleanName).param("phone", personal.encrypt(digits)).param("hash", hash)
					.param("role", as.name()).param("signed", signUp ? now : null).param("checked", signUp ? null : now)
					.param("by", recordedBy).update(key, "id");
			return load(key.getKey().longValue());
		}
		long participantId = existing.get();
		Participant current = load(participantId);
		if (!signUp) {
			if (current.checkedInAt() == null) {
				jdbc.sql("update activity_participant set checked_in_at = :now, role = :role where id = :p")
						.param("now", now).param("role", as.name()).param("p", participantId).update();
			} else if (current.role() == Participant.Role.VOLUNTEER && current.checkedOutAt() == null) {
				jdbc.sql("update activity_participant set checked_out_at = :now where id = :p").param("now", now).param("p", participantId).update();
			}
		}
		return load(participantId);
	}

	private Participant load(long participantId) {
		return jdbc.sql("select * from activity_participant where id = :p").param("p", participantId)
				.query((rs, n) -> participant(rs, PersonalData.maskPhone(personal.decrypt(rs.getString("phone_enc"))))).single();
	}

	private UserFacingException window(Row row) {
		LocalDateTime opens = local(row.starts().minus(properties.checkInOpensBefore()));
		LocalDateTime closes = local(row.ends().plus(properties.checkInClosesAfter()));
		return UserFacingException.badRequest("outside_check_in_window", "error.activity.window", ActivityDocuments.TIME.format(opens),
				ActivityDocuments.TIME.format(closes));
	}

	/** The activity behind a check-in code, as the public check-in page shows it (no login). */
	public Optional<Activity> byCode(String code) {
		return jdbc.sql(SELECT + " where a.check_in_code = :code").param("code", code == null ? "" : code.strip().toUpperCase())
				.query(Activities::row).optional().map(this::toActivity);
	}

	// ---------------------------------------------------------------- rows

	record Row(long id, long unitId, String unitName, String path, String title, long categoryId, Instant starts, Instant ends, String place,
			String organizer, Integer expected, String groups, Integer volunteers, String description, String festival, Long issuedPlanId,
			String code, String createdBy) {}

	private static final String SELECT = """
			select a.*, u.name as unit_name from activity a join org_unit u on u.id = a.org_unit_id""";

	private Row row(long id) {
		return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(Activities::row).optional().orElse(null);
	}

	private Row writable(long id) {
		Row row = row(id);
		scope.checkWrite(row == null ? null : row.path(), row == null ? null : row.unitId(), "activity", id);
		return row;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("unit_name"), rs.getString("org_path"), rs.getString("title"),
				rs.getLong("category_id"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("place"),
				rs.getString("organizer"), (Integer) rs.getObject("expected_participants", Integer.class), rs.getString("target_groups"),
				(Integer) rs.getObject("volunteers_needed", Integer.class), rs.getString("description"), rs.getString("festival"),
				(Long) rs.getObject("issued_plan_id", Long.class), rs.getString("check_in_code"), rs.getString("created_by"));
	}

	private Activity toActivity(Row row) {
		ActivityCategory category = jdbc.sql("select * from activity_category where id = :id").param("id", row.categoryId())
				.query(Activities::category).single();
		List<Indicator> indicators = jdbc.sql("select indicator_id from activity_indicator where activity_id = :a").param("a", row.id())
				.query(Long.class).list().stream().flatMap(i -> catalog.find(i).stream())
				.sorted(java.util.Comparator.comparingInt(Indicator::sort)).toList();
		Map<ActivityStage, List<Long>> byStage = new EnumMap<>(ActivityStage.class);
		jdbc.sql("""
				select s.stage, s.material_id from activity_stage s join material m on m.id = s.material_id
				where s.activity_id = :a and m.deleted_at is null order by s.material_id""")
				.param("a", row.id())
				.query(rs -> {
					byStage.computeIfAbsent(ActivityStage.valueOf(rs.getString(1)), s -> new ArrayList<>()).add(rs.getLong(2));
				});
		List<Activity.Stage> stages = new ArrayList<>();
		for (ActivityStage stage : ActivityStage.values()) {
			stages.add(new Activity.Stage(stage, byStage.getOrDefault(stage, List.of())));
		}
		List<Long> buildings = jdbc.sql("select org_unit_id from activity_building where activity_id = :a order by org_unit_id")
				.param("a", row.id()).query(Long.class).list();
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				select count(signed_up_at) as signed, count(checked_in_at) as checked, count(*) as total
				from activity_participant where activity_id = :a""")
				.param("a", row.id())
				.query(rs -> {
					counts.put("signed", rs.getLong("signed"));
					counts.put("checked", rs.getLong("checked"));
				});
		return new Activity(row.id(), row.unitId(), row.unitName(), row.title(), category, indicators, local(row.starts()), local(row.ends()),
				row.place(), row.organizer(), row.expected(), row.groups(), row.volunteers(), row.description(), row.festival(), row.issuedPlanId(),
				row.code(), row.createdBy(), stages, buildings, counts.getOrDefault("signed", 0L).intValue(),
				counts.getOrDefault("checked", 0L).intValue());
	}

	static ActivityCategory category(ResultSet rs, int n) throws SQLException {
		String codes = rs.getString("indicator_codes");
		return new ActivityCategory(rs.getLong("id"), rs.getString("name"), rs.getString("group_name"),
				codes == null || codes.isBlank() ? List.of() : List.of(codes.split(",")), rs.getString("outreach"), rs.getInt("sort"),
				rs.getBoolean("active"));
	}

	private static Participant participant(ResultSet rs, String maskedPhone) throws SQLException {
		return new Participant(rs.getLong("id"), rs.getString("name"), maskedPhone, Participant.Role.valueOf(rs.getString("role")),
				localOrNull(rs.getTimestamp("signed_up_at")), localOrNull(rs.getTimestamp("checked_in_at")),
				localOrNull(rs.getTimestamp("checked_out_at")), rs.getString("recorded_by"));
	}

	// ---------------------------------------------------------------- helpers

	private String freshCode() {
		for (int attempt = 0; attempt < 20; attempt++) {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < CODE_LENGTH; i++) {
				code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
			}
			if (jdbc.sql("select count(*) from activity where check_in_code = :c").param("c", code.toString()).query(Long.class).single() == 0) {
				return code.toString();
			}
		}
		throw new IllegalStateException("no free check-in code");
	}

	interface Writer {
		void write(OutputStream out) throws IOException;
	}

	static byte[] bytes(Writer writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			writer.write(out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static Upload upload(String name, byte[] bytes) {
		return new Upload(name, bytes.length, new ByteArrayResource(bytes));
	}

	static Timestamp utc(LocalDateTime local) {
		return Timestamp.from(local.atZone(SHANGHAI).toInstant());
	}

	static LocalDateTime local(Instant instant) {
		return instant.atZone(SHANGHAI).toLocalDateTime();
	}

	private static LocalDateTime localOrNull(Timestamp timestamp) {
		return timestamp == null ? null : local(timestamp.toInstant());
	}

	/** A phone number as stored: digits (and a leading +) only. */
	static String phoneDigits(String phone) {
		String digits = phone == null ? "" : phone.replaceAll("[\\s-]", "");
		if (!digits.matches("\\+?\\d{7,15}")) {
			throw UserFacingException.badRequest("invalid_phone", "error.activity.phone");
		}
		return digits;
	}

	static String required(String text, int limit, String key) {
		if (text == null || text.isBlank() || text.strip().length() > limit) {
			throw UserFacingException.badRequest("invalid_field", key, limit);
		}
		return text.strip();
	}

	private static String optional(String text, int limit, String key) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.strip().length() > limit) {
			throw UserFacingException.badRequest("invalid_field", key, limit);
		}
		return text.strip();
	}

	private static Integer positive(Integer value) {
		if (value != null && value < 0) {
			throw UserFacingException.badRequest("invalid_number", "error.activity.number");
		}
		return value;
	}
}
