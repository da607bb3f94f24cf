package org.chuangwen.activities;

import static org.chuangwen.activities.ActivityFields.SHANGHAI;
import static org.chuangwen.activities.ActivityFields.optional;
import static org.chuangwen.activities.ActivityFields.positive;
import static org.chuangwen.activities.ActivityFields.required;
import static org.chuangwen.activities.ActivityFields.utc;

import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.chuangwen.activities.ActivityRows.Row;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Dates;
import org.chuangwen.platform.FieldChange;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities and their stages. A stage's material is filed through the evidence archive once, with the stage's kind,
 * into the box of every indicator the activity serves — the worker never types the same facts twice. Participants'
 * phones are stored encrypted and shown masked; revealing one is audited.
 *
 * <p>The module's one door for the other modules and the web: planning is done here, while categories, the filing of
 * stages, participants and the reading of rows are package-private parts, so that each stays small enough to read.
 */
@Service
class Activities {

	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	/** 32^8 ≈ 10^12 codes, against the guesses one address may make (SelfCheckIn); older activities keep 6. */
	private static final int CODE_LENGTH = 8;

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final DataScope scope;
	private final Orgs orgs;
	private final ActivityCategories categories;
	private final Participants participants;
	private final ActivityRows rows;
	private final StageFiling stages;
	private final AuditLog audit;
	private final Clock clock;
	private final ActivityEdits edits;
	private final WriteTransactions writes;
	private final SecureRandom random = new SecureRandom();

	Activities(JdbcClient jdbc, Catalog catalog, DataScope scope, Orgs orgs, ActivityCategories categories, Participants participants,
			ActivityRows rows, StageFiling stages, AuditLog audit, Clock clock, ActivityEdits edits,
			WriteTransactions writes) {
		this.edits = edits;
		this.writes = writes;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.scope = scope;
		this.orgs = orgs;
		this.categories = categories;
		this.participants = participants;
		this.rows = rows;
		this.stages = stages;
		this.audit = audit;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- categories

	List<ActivityCategory> categories() {
		return categories.categories();
	}

	ActivityCategory category(String name) {
		return categories.category(name);
	}

	/** The categories offered, by group in the order they are kept, for choosing one. */
	Map<String, List<ActivityCategory>> categoryGroups() {
		return categories().stream().collect(Collectors.groupingBy(ActivityCategory::group, LinkedHashMap::new, Collectors.toList()));
	}

	/** Every category, active or not, for administrators to edit. */
	List<ActivityCategory> allCategories() {
		return categories.allCategories();
	}

	/**
	 * Adds a category or changes one ({@code id} null adds): its name, group, indicators (codes of the edition in
	 * force), the 进社区 kind it counts for (科教, 文体, 法律, 卫生, 环保 or none), order and whether it is offered.
	 */
	@Transactional
	ActivityCategory saveCategory(Long id, String name, String group, List<String> indicatorCodes, String outreach, int sort, boolean active) {
		return categories.saveCategory(id, name, group, indicatorCodes, outreach, sort, active);
	}

	/** The indicators of a category that the edition in force knows. */
	List<Indicator> indicatorsOf(ActivityCategory category) {
		return categories.indicatorsOf(category);
	}

	// ---------------------------------------------------------------- planning

	/**
	 * Plans an activity in a unit the caller may write to. Indicators default to the category's.
	 *
	 * @throws UserFacingException naming the field at fault
	 */
	@Transactional
	Activity plan(NewActivity plan) {
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

	/**
	 * Corrects an activity's title, times, place or indicators (fields left null stay), checked as when planning; the
	 * check-in window moves with the times. Every changed field is kept in the history and audited.
	 *
	 * @throws UserFacingException 404 outside the caller's scope, 403 for a read-only role, 400 naming the field at fault
	 */
	Activity correct(long id, ActivityCorrection correction) {
		ActivityEdits.Applied applied = writes.run(() -> edits.correct(id, correction));
		edits.audit(id, applied);
		return find(id);
	}

	/** The corrections of an activity in the caller's scope, field by field, oldest first. */
	List<FieldChange> history(long id) {
		return edits.history(id);
	}

	/** An activity in the caller's scope; 404 otherwise. */
	Activity find(long id) {
		return rows.find(id);
	}

	/** Activities in the caller's scope starting on or after {@code from} and before {@code to} (local dates; null for open ends), newest first. */
	List<Activity> list(LocalDate from, LocalDate to, int limit) {
		return rows.rows(jdbc.sql(ActivityRows.SELECT + " where a.org_path like :path and a.starts_at >= :from and a.starts_at < :to order by a.starts_at desc fetch first :limit rows only")
						.param("path", scope.path() + "%")
						.param("from", utc((from == null ? LocalDate.of(1949, 1, 1) : from).atStartOfDay()))
						.param("to", utc((to == null ? LocalDate.of(2200, 1, 1) : to).atStartOfDay()))
						.param("limit", limit))
				.stream()
				.map(rows::toActivity)
				.toList();
	}

	/** The buildings (楼院) an activity reached, for the 进社区 coverage; each must lie in the activity's community. */
	@Transactional
	void reach(long id, List<Long> buildingIds) {
		Row row = rows.writable(id);
		OrgUnit community = orgs.find(row.unitId()).flatMap(orgs::communityOf)
				.orElseThrow(() -> UserFacingException.badRequest("not_a_community", "error.activity.community", row.unitName()));
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

	/** The buildings (楼院) of the activity's community, to tick those it reached. */
	List<OrgUnit> buildingChoices(Activity activity) {
		return orgs.find(activity.orgUnitId()).flatMap(orgs::communityOf)
				.map(c -> orgs.within(c.path()).stream().filter(u -> u.kind() == OrgKind.BUILDING).toList()).orElse(List.of());
	}

	// ---------------------------------------------------------------- stages

	/**
	 * Files the material of a stage: into the box of every indicator of the activity, as the stage's kind, formed on
	 * {@code dateFormed} (default: the activity's day).
	 */
	@Transactional
	MaterialDetails fileStage(long id, String stageName, String title, LocalDate dateFormed, List<Upload> uploads) {
		return stages.fileStage(id, stageName, title, dateFormed, uploads);
	}

	/**
	 * As {@link #fileStage(long, String, String, LocalDate, List)}; a media report (媒体报道) may carry the link of the
	 * report, kept in a generated record beside the clipping or screenshot.
	 */
	@Transactional
	MaterialDetails fileStage(long id, String stageName, String title, LocalDate dateFormed, String link, List<Upload> uploads) {
		return stages.fileStage(id, stageName, title, dateFormed, link, uploads);
	}

	/** Renders the plan (方案) from what was typed when planning and files it. */
	@Transactional
	MaterialDetails filePlan(long id) {
		return stages.filePlan(id);
	}

	/** Files the sign-up list (报名表) generated from the sign-ups. */
	@Transactional
	MaterialDetails fileSignups(long id) {
		return stages.fileSignups(id);
	}

	/**
	 * Files the attendance sheet (签到表) generated from the check-ins — never typed again — and tells later ledgers
	 * who took part.
	 */
	@Transactional
	MaterialDetails fileAttendance(long id) {
		return stages.fileAttendance(id);
	}

	/**
	 * A draft of the briefing (简报) from the activity's own data and its photos with their captions: the photos chosen
	 * ({@code chosen} as {@code materialId:index}), or the first four.
	 */
	void writeBriefing(long id, List<String> chosen, OutputStream out) throws IOException {
		stages.writeBriefing(id, chosen, out);
	}

	/** The photos filed for an activity, for choosing those of the briefing. */
	List<ActivityPhoto> photos(long id) {
		return stages.photos(id);
	}

	/** A draft of the summary (总结) for the worker to complete. */
	void writeSummary(long id, OutputStream out) throws IOException {
		stages.writeSummary(id, out);
	}

	// ---------------------------------------------------------------- participants

	/** Everyone signed up or checked in, phones masked. */
	List<Participant> participants(long id) {
		return participants.participants(id);
	}

	/** The full phone number of a participant, for a role that may write in the activity's unit; audited. */
	@Transactional
	String revealPhone(long id, long participantId) {
		return participants.revealPhone(id, participantId);
	}

	/** A check-in on behalf of someone (API, or a worker's list), within the activity's check-in window. */
	@Transactional
	Participant checkIn(long id, String name, String phone, Participant.Role role) {
		return participants.checkIn(id, name, phone, role);
	}

	/** A worker marks from the list that someone who signed up came (for activities recorded afterwards too). */
	@Transactional
	void markAttended(long id, long participantId) {
		participants.markAttended(id, participantId);
	}

	/** The activity behind a check-in code, as the public check-in page shows it (no login). */
	Optional<Activity> byCode(String code) {
		return rows.rows(jdbc.sql(ActivityRows.SELECT + " where a.check_in_code = :code").param("code", code == null ? "" : code.strip().toUpperCase()))
				.stream().findFirst().map(rows::toActivity);
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
}
