package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chuangwen.activities.ActivityHeld;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.CurrentUser;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Service records: written from an activity's attendance (pending until a worker confirms the activity's records in one
 * step) or entered by hand (pending until a second person approves). A correction writes the old and new value to
 * {@code service_record_correction} before the record changes; hours that already counted are corrected by an event
 * with both values, so ledgers post the difference.
 */
@Component
class ServiceRecords {

	private static final String SELECT = """
			select r.*, v.name as volunteer_name, v.number as volunteer_number, v.resident_id
			from service_record r join volunteer v on v.id = r.volunteer_id""";
	private static final BigDecimal MINUTES_PER_HOUR = new BigDecimal(60);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final VolunteerRegistry registry;
	private final WorkingDays workingDays;
	private final VolunteerProperties properties;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	ServiceRecords(JdbcClient jdbc, DataScope scope, VolunteerRegistry registry, WorkingDays workingDays, VolunteerProperties properties,
			ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.registry = registry;
		this.workingDays = workingDays;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A pending record for every attendee who is a registered volunteer, with the hours between check-in and check-out
	 * inside the activity's window (none without a check-out). The same sheet filed again changes nothing; a changed
	 * sheet updates a record still pending, keeping the old value as a correction; a confirmed record stays as it is.
	 */
	void fromActivity(ActivityHeld held, String actor) {
		Map<String, VolunteerRegistry.Match> volunteers = registry.matching(
				held.attendees().stream().map(ActivityHeld.Attendee::phoneHash).filter(Objects::nonNull).distinct().toList(), held.orgPath());
		for (ActivityHeld.Attendee attendee : held.attendees()) {
			VolunteerRegistry.Match volunteer = volunteers.get(attendee.phoneHash());
			if (volunteer == null) {
				continue;
			}
			BigDecimal hours = bounded(attendee, held.startsAt(), held.endsAt());
			var existing = jdbc.sql("select id, status, hours, checked_in_at, checked_out_at, service_date, content from service_record where activity_id = :a and volunteer_id = :v")
					.param("a", held.activityId()).param("v", volunteer.id())
					.query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBigDecimal(3), rs.getTimestamp(4), rs.getTimestamp(5),
							rs.getDate(6).toLocalDate(), rs.getString(7)})
					.optional();
			if (existing.isEmpty()) {
				jdbc.sql("""
						insert into service_record (volunteer_id, org_unit_id, org_path, source, activity_id, title, service_date, place, content, hours,
						  organizer, checked_in_at, checked_out_at, status, entered_by, entered_at)
						values (:v, :unit, :path, 'ACTIVITY', :a, :title, :date, :place, :content, :hours, :organizer, :in, :out, 'PENDING', :by, :at)""")
						.param("v", volunteer.id()).param("unit", volunteer.orgUnitId()).param("path", volunteer.orgPath()).param("a", held.activityId())
						.param("title", held.title()).param("date", held.heldOn()).param("place", held.place()).param("content", held.category())
						.param("hours", hours).param("organizer", held.organizer()).param("in", local(attendee.checkedInAt()))
						.param("out", local(attendee.checkedOutAt())).param("by", actor).param("at", Timestamp.from(Instant.now(clock)))
						.update();
				continue;
			}
			Object[] row = existing.get();
			boolean same = Objects.equals(scaled((BigDecimal) row[2]), hours) && Objects.equals(local((Timestamp) row[3]), local(attendee.checkedInAt()))
					&& Objects.equals(local((Timestamp) row[4]), local(attendee.checkedOutAt()));
			if (same || !ServiceRecord.PENDING.equals(row[1])) {
				continue;
			}
			long id = (Long) row[0];
			correctionRow(id, (LocalDate) row[5], held.heldOn(), (BigDecimal) row[2], hours, (String) row[6], (String) row[6], "签到表重新归档", actor);
			jdbc.sql("update service_record set hours = :h, checked_in_at = :in, checked_out_at = :out, service_date = :d where id = :id")
					.param("h", hours).param("in", local(attendee.checkedInAt())).param("out", local(attendee.checkedOutAt()))
					.param("d", held.heldOn()).param("id", id).update();
		}
	}

	/** Hours of check-in to check-out clipped to the window, two decimals; null without both times. */
	static BigDecimal bounded(ActivityHeld.Attendee attendee, LocalDateTime startsAt, LocalDateTime endsAt) {
		if (attendee.checkedInAt() == null || attendee.checkedOutAt() == null) {
			return null;
		}
		LocalDateTime from = attendee.checkedInAt().isBefore(startsAt) ? startsAt : attendee.checkedInAt();
		LocalDateTime to = attendee.checkedOutAt().isAfter(endsAt) ? endsAt : attendee.checkedOutAt();
		long minutes = Math.max(0, Duration.between(from, to).toMinutes());
		return new BigDecimal(minutes).divide(MINUTES_PER_HOUR, 2, RoundingMode.HALF_UP);
	}

	Confirmation confirmActivity(long activityId) {
		List<ServiceRecord> records = jdbc.sql(SELECT + " where r.activity_id = :a and r.org_path like :path").param("a", activityId)
				.param("path", scope.path() + "%").query(this::record).list();
		if (records.isEmpty()) {
			scope.checkRead(null, null, "activity_service_records", activityId);
		}
		int confirmed = 0;
		int withoutHours = 0;
		for (ServiceRecord record : records) {
			scope.checkWrite(scope.path(), record.orgUnitId(), "service_record", record.id());
			if (!record.pending()) {
				continue;
			}
			if (record.hours() == null) {
				withoutHours++;
				continue;
			}
			confirm(record);
			confirmed++;
		}
		audit.record("SERVICE_RECORDS_CONFIRMED", "activity", activityId, null, confirmed + " confirmed, " + withoutHours + " without hours");
		return new Confirmation(confirmed, withoutHours);
	}

	/**
	 * Approves a pending record. One entered by hand needs a second person: whoever entered it gets 403 {@code same_person}.
	 */
	ServiceRecord approve(long recordId) {
		ServiceRecord record = writable(recordId);
		if (!record.pending()) {
			throw UserFacingException.conflict("already_confirmed", "error.volunteer.already-confirmed");
		}
		if (record.hours() == null) {
			throw UserFacingException.badRequest("no_hours", "error.volunteer.no-hours");
		}
		if (record.manual() && record.enteredBy().equals(scope.user().username())) {
			audit.record("DENIED", "service_record", recordId, record.orgUnitId(), "approval of own hand entry");
			throw new UserFacingException(HttpStatus.FORBIDDEN, "same_person", "error.volunteer.same-person");
		}
		confirm(record);
		audit.record("SERVICE_RECORD_APPROVED", "service_record", recordId, record.orgUnitId(), record.hours() + " h");
		return find(recordId);
	}

	private void confirm(ServiceRecord record) {
		CurrentUser me = scope.user();
		int changed = jdbc.sql("""
				update service_record set status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :at, recorder = :recorder
				where id = :id and status = 'PENDING'""")
				.param("by", me.username()).param("at", Timestamp.from(Instant.now(clock))).param("recorder", me.displayName()).param("id", record.id())
				.update();
		if (changed == 1) {
			Long residentId = jdbc.sql("select resident_id from volunteer where id = :v").param("v", record.volunteerId()).query(Long.class).optional()
					.orElse(null);
			events.publishEvent(new ServiceHoursConfirmed(record.volunteerId(), residentId, record.orgUnitId(), record.hours(), record.date(), record.id()));
		}
	}

	/** A hand-entered record, pending until someone else approves it. */
	ServiceRecord enter(long volunteerId, HandEntry entry) {
		Volunteer volunteer = registry.writable(volunteerId);
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		if (entry.date() == null || entry.date().isAfter(today) || entry.date().getYear() < 2000) {
			throw UserFacingException.badRequest("invalid_date", "error.volunteer.date");
		}
		BigDecimal hours = Fields.hours(entry.hours());
		String content = Fields.required(entry.content(), 1000, "error.volunteer.content");
		String title = Fields.blank(entry.title()) ? content.length() > 50 ? content.substring(0, 50) : content : Fields.required(entry.title(), 200, "error.volunteer.title");
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into service_record (volunteer_id, org_unit_id, org_path, source, title, service_date, place, content, hours, organizer, leader,
				  served, status, entered_by, entered_at)
				values (:v, :unit, :path, 'MANUAL', :title, :date, :place, :content, :hours, :organizer, :leader, :served, 'PENDING', :by, :at)""")
				.param("v", volunteerId).param("unit", volunteer.orgUnitId()).param("path", volunteer.orgPath()).param("title", title)
				.param("date", entry.date()).param("place", Fields.optional(entry.place(), 200, "error.volunteer.place")).param("content", content)
				.param("hours", hours).param("organizer", Fields.optional(entry.organizer(), 200, "error.volunteer.organizer"))
				.param("leader", Fields.optional(entry.leader(), 50, "error.volunteer.leader"))
				.param("served", Fields.optional(entry.served(), 200, "error.volunteer.served"))
				.param("by", scope.user().username()).param("at", Timestamp.from(Instant.now(clock)))
				.update(key, "id");
		long id = key.getKey().longValue();
		audit.record("SERVICE_RECORD_ENTERED", "service_record", id, volunteer.orgUnitId(), hours + " h by hand for " + volunteer.number());
		return find(id);
	}

	/** Corrects date, hours or content with a reason; the old values are kept as a correction row. */
	ServiceRecord correct(long recordId, LocalDate date, BigDecimal hours, String content, String reason) {
		ServiceRecord record = writable(recordId);
		String why = Fields.required(reason, 500, "error.volunteer.reason");
		LocalDate newDate = date == null ? record.date() : date;
		if (newDate.isAfter(LocalDate.now(clock.withZone(Zones.SHANGHAI)))) {
			throw UserFacingException.badRequest("invalid_date", "error.volunteer.date");
		}
		BigDecimal newHours = hours == null ? record.hours() : Fields.hours(hours);
		String newContent = Fields.blank(content) ? record.content() : Fields.required(content, 1000, "error.volunteer.content");
		if (newDate.equals(record.date()) && Objects.equals(newHours, record.hours()) && Objects.equals(newContent, record.content())) {
			throw UserFacingException.badRequest("nothing_changed", "error.volunteer.nothing-changed");
		}
		String me = scope.user().username();
		correctionRow(recordId, record.date(), newDate, record.hours(), newHours, record.content(), newContent, why, me);
		jdbc.sql("update service_record set service_date = :d, hours = :h, content = :c where id = :id")
				.param("d", newDate).param("h", newHours).param("c", newContent).param("id", recordId).update();
		audit.record("SERVICE_RECORD_CORRECTED", "service_record", recordId, record.orgUnitId(), record.hours() + " → " + newHours + " h: " + why);
		if (!record.pending() && !Objects.equals(record.hours(), newHours)) {
			Long residentId = jdbc.sql("select resident_id from volunteer where id = :v").param("v", record.volunteerId()).query(Long.class).optional()
					.orElse(null);
			events.publishEvent(new ServiceHoursCorrected(record.volunteerId(), residentId, record.orgUnitId(), record.hours(), newHours, recordId));
		}
		return find(recordId);
	}

	private void correctionRow(long recordId, LocalDate oldDate, LocalDate newDate, BigDecimal oldHours, BigDecimal newHours, String oldContent,
			String newContent, String reason, String actor) {
		jdbc.sql("""
				insert into service_record_correction (record_id, old_date, new_date, old_hours, new_hours, old_content, new_content, reason, corrected_by, corrected_at)
				values (:r, :od, :nd, :oh, :nh, :oc, :nc, :reason, :by, :at)""")
				.param("r", recordId).param("od", oldDate).param("nd", newDate).param("oh", oldHours).param("nh", newHours).param("oc", oldContent)
				.param("nc", newContent).param("reason", reason).param("by", actor).param("at", Timestamp.from(Instant.now(clock))).update();
	}

	List<Correction> corrections(long recordId) {
		readable(recordId);
		return jdbc.sql("select * from service_record_correction where record_id = :r order by id").param("r", recordId)
				.query((rs, n) -> new Correction(rs.getLong("id"), rs.getLong("record_id"), rs.getDate("old_date").toLocalDate(),
						rs.getDate("new_date").toLocalDate(), rs.getBigDecimal("old_hours"), rs.getBigDecimal("new_hours"), rs.getString("old_content"),
						rs.getString("new_content"), rs.getString("reason"), rs.getString("corrected_by"), rs.getTimestamp("corrected_at").toInstant()))
				.list();
	}

	ServiceRecord readable(long recordId) {
		ServiceRecord record = jdbc.sql(SELECT + " where r.id = :id").param("id", recordId).query(this::record).optional().orElse(null);
		scope.checkRead(record == null ? null : record.orgPath(), record == null ? null : record.orgUnitId(), "service_record", recordId);
		return record;
	}

	private ServiceRecord writable(long recordId) {
		ServiceRecord record = jdbc.sql(SELECT + " where r.id = :id").param("id", recordId).query(this::record).optional().orElse(null);
		scope.checkWrite(record == null ? null : record.orgPath(), record == null ? null : record.orgUnitId(), "service_record", recordId);
		return record;
	}

	private ServiceRecord find(long recordId) {
		return jdbc.sql(SELECT + " where r.id = :id").param("id", recordId).query(this::record).single();
	}

	/** A volunteer's records, newest service first. */
	List<ServiceRecord> ofVolunteer(long volunteerId) {
		return jdbc.sql(SELECT + " where r.volunteer_id = :v order by r.service_date desc, r.id desc").param("v", volunteerId).query(this::record).list();
	}

	/** The records waiting for confirmation or approval under the caller's scope, oldest first. */
	List<ServiceRecord> pending(int limit) {
		return jdbc.sql(SELECT + " where r.org_path like :path and r.status = 'PENDING' order by r.entered_at, r.id fetch first :limit rows only")
				.param("path", scope.path() + "%").param("limit", limit).query(this::record).list();
	}

	BigDecimal confirmedHours(long volunteerId) {
		return jdbc.sql("select coalesce(sum(hours), 0) from service_record where volunteer_id = :v and status = 'CONFIRMED'").param("v", volunteerId)
				.query(BigDecimal.class).single().setScale(2, RoundingMode.HALF_UP);
	}

	BigDecimal confirmedManualHours(long volunteerId) {
		return jdbc.sql("select coalesce(sum(hours), 0) from service_record where volunteer_id = :v and status = 'CONFIRMED' and source = 'MANUAL'")
				.param("v", volunteerId).query(BigDecimal.class).single().setScale(2, RoundingMode.HALF_UP);
	}

	private static LocalDateTime local(LocalDateTime time) {
		return time == null ? null : time.withNano(0);
	}

	private static LocalDateTime local(Timestamp time) {
		return time == null ? null : time.toLocalDateTime().withNano(0);
	}

	private static BigDecimal scaled(BigDecimal hours) {
		return hours == null ? null : hours.setScale(2, RoundingMode.HALF_UP);
	}

	private ServiceRecord record(ResultSet rs, int n) throws SQLException {
		Instant enteredAt = rs.getTimestamp("entered_at").toInstant();
		Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
		Timestamp in = rs.getTimestamp("checked_in_at");
		Timestamp out = rs.getTimestamp("checked_out_at");
		String status = rs.getString("status");
		LocalDate due = workingDays.after(LocalDate.ofInstant(enteredAt, Zones.SHANGHAI), properties.confirmWithinWorkingDays());
		boolean overdue = ServiceRecord.PENDING.equals(status) && LocalDate.now(clock.withZone(Zones.SHANGHAI)).isAfter(due);
		return new ServiceRecord(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getString("volunteer_name"), rs.getString("volunteer_number"),
				rs.getLong("org_unit_id"), rs.getString("source"), rs.getObject("activity_id", Long.class), rs.getString("title"),
				rs.getDate("service_date").toLocalDate(), rs.getString("place"), rs.getString("content"), scaled(rs.getBigDecimal("hours")),
				rs.getString("organizer"), rs.getString("leader"), rs.getString("served"), in == null ? null : in.toLocalDateTime(),
				out == null ? null : out.toLocalDateTime(), status, rs.getString("entered_by"), enteredAt, rs.getString("confirmed_by"),
				confirmedAt == null ? null : confirmedAt.toInstant(), rs.getString("recorder"), due, overdue, rs.getString("org_path"));
	}
}
