package org.chuangwen.activities;

import static org.chuangwen.activities.ActivityFields.localOrNull;
import static org.chuangwen.activities.ActivityFields.phoneDigits;
import static org.chuangwen.activities.ActivityFields.required;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.chuangwen.activities.ActivityRows.Row;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of an activity as workers see and record them: phones stored encrypted and shown masked, the full number
 * only on an audited request. A resident's own check-in from a phone is {@link SelfCheckIn}'s.
 */
@Component
class Participants {

	private final JdbcClient jdbc;
	private final ActivityRows rows;
	private final DataScope scope;
	private final PersonalData personal;
	private final ActivityProperties properties;
	private final AuditLog audit;
	private final Clock clock;

	Participants(JdbcClient jdbc, ActivityRows rows, DataScope scope, PersonalData personal, ActivityProperties properties, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.scope = scope;
		this.personal = personal;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	List<Participant> participants(long id) {
		rows.find(id);
		return jdbc.sql("select * from activity_participant where activity_id = :a order by coalesce(checked_in_at, signed_up_at), id")
				.param("a", id)
				.query((rs, n) -> participant(rs, PersonalData.maskPhone(personal.decrypt(rs.getString("phone_enc")))))
				.list();
	}

	/** Those who checked in, known by the keyed hash of their phone, for {@link ActivityHeld}. */
	List<ActivityHeld.Attendee> attendees(long id) {
		return jdbc.sql("""
				select name, phone_hash, role, checked_in_at, checked_out_at from activity_participant
				where activity_id = :a and checked_in_at is not null order by checked_in_at, id""")
				.param("a", id)
				.query((rs, n) -> new ActivityHeld.Attendee(rs.getString("name"), rs.getString("phone_hash"),
						Participant.Role.valueOf(rs.getString("role")) == Participant.Role.VOLUNTEER, localOrNull(rs.getTimestamp("checked_in_at")),
						localOrNull(rs.getTimestamp("checked_out_at"))))
				.list();
	}

	@Transactional
	String revealPhone(long id, long participantId) {
		Row row = rows.writable(id);
		String stored = jdbc.sql("select phone_enc from activity_participant where id = :p and activity_id = :a")
				.param("p", participantId).param("a", id).query(String.class).optional()
				.orElseThrow(() -> UserFacingException.notFound("error.scope.not-found"));
		audit.record("PERSONAL_DATA_REVEALED", "activity_participant", participantId, row.unitId(), "phone");
		return personal.decrypt(stored);
	}

	@Transactional
	Participant checkIn(long id, String name, String phone, Participant.Role role) {
		Row row = rows.writable(id);
		Instant now = Instant.now(clock);
		CheckInWindow window = CheckInWindow.of(properties, row.starts(), row.ends());
		if (!window.contains(now)) {
			throw window.refusal();
		}
		Participant p = record(row, name, phone, role, false, scope.user().username());
		audit.record(p.checkedOutAt() != null ? "CHECKED_OUT" : "CHECKED_IN", "activity_participant", p.id(), row.unitId(),
				p.phone() + " " + p.role().label());
		return p;
	}

	@Transactional
	void markAttended(long id, long participantId) {
		Row row = rows.writable(id);
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

	private Participant participant(ResultSet rs, String maskedPhone) throws SQLException {
		Participant p = new Participant(rs.getLong("id"), rs.getString("name"), maskedPhone, Participant.Role.valueOf(rs.getString("role")),
				localOrNull(rs.getTimestamp("signed_up_at")), localOrNull(rs.getTimestamp("checked_in_at")),
				localOrNull(rs.getTimestamp("checked_out_at")), rs.getString("recorded_by"), false);
		return p.minutes() != null && properties.shortService(p.minutes()) ? p.flaggedShort() : p;
	}
}
