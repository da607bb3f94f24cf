package org.chuangwen.elections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Dates;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint meetings (物业联席会议) of a community, Ⅲ-17's 社区重大事务召开联席会议: date, attendees (names and units), topics
 * and minutes, as text and/or a file filed as a 记录 of Ⅲ-17.
 */
@Component
class JointMeetings {

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final EvidenceArchive evidence;
	private final AuditLog audit;
	private final Clock clock;

	JointMeetings(JdbcClient jdbc, DataScope scope, EvidenceArchive evidence, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.evidence = evidence;
		this.audit = audit;
		this.clock = clock;
	}

	/** @param materialId the filed minutes, null when the minutes are text only */
	record Meeting(long id, long orgUnitId, LocalDate date, String attendees, String topics, String minutes, Long materialId, String recordedBy) {}

	/**
	 * Records a meeting of a community; minutes as text, as files (filed as 记录 of Ⅲ-17), or both.
	 *
	 * @throws UserFacingException 404 outside the scope, 403 read-only, 400 {@code invalid_unit}, {@code invalid_date},
	 *     {@code bad_parameter} (attendees, topics, no minutes), {@code invalid_text}; the archive's refusals for files
	 */
	@Transactional
	Meeting record(Long orgUnitId, String dateText, String attendeesText, String topicsText, String minutesText, List<Upload> uploads) {
		OrgUnit unit = scope.writable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		if (unit.kind() != OrgKind.COMMUNITY) {
			throw UserFacingException.badRequest("invalid_unit", "elections.error.unit");
		}
		LocalDate date = Dates.date("date", dateText);
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		if (date == null) {
			throw UserFacingException.badRequest("invalid_date", "meetings.error.date");
		}
		Dates.requireWithin("date", date.atStartOfDay(), Dates.EARLIEST.atStartOfDay(), today.atStartOfDay());
		String attendees = text("attendees", attendeesText, 2000, "meetings.error.attendees", true);
		String topics = text("topics", topicsText, 2000, "meetings.error.topics", true);
		String minutes = text("minutes", minutesText, 20000, null, true);
		List<Upload> files = uploads == null ? List.of() : uploads;
		if (minutes == null && files.isEmpty()) {
			throw UserFacingException.badRequest("bad_parameter", "meetings.error.minutes");
		}
		Long materialId = files.isEmpty() ? null
				: evidence.file(new NewMaterial(unit.id(), "记录", unit.name() + date + "联席会议记录", date, unit.name(), List.of(ElectionMaterials.INDICATOR)),
						files).id();
		var key = new GeneratedKeyHolder();
		jdbc.sql("insert into joint_meeting (org_unit_id, org_path, held_on, attendees, topics, minutes, material_id, recorded_by, recorded_at)"
				+ " values (:u, :p, :d, :a, :t, :m, :mat, :by, :at)")
				.param("u", unit.id()).param("p", unit.path()).param("d", date).param("a", attendees).param("t", topics).param("m", minutes)
				.param("mat", materialId).param("by", scope.user().username()).param("at", Timestamp.from(clock.instant())).update(key, "id");
		long id = key.getKey().longValue();
		audit.record("JOINT_MEETING_RECORDED", "joint_meeting", id, unit.id(), date.toString());
		return jdbc.sql("select * from joint_meeting where id = :id").param("id", id).query(JointMeetings::row).single();
	}

	/** Meetings at or below a unit in the caller's scope (the caller's unit when null), newest first. */
	List<Meeting> list(Long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		return jdbc.sql("select * from joint_meeting where org_path like :p order by held_on desc, id desc").param("p", unit.path() + "%")
				.query(JointMeetings::row).list();
	}

	private static String text(String field, String value, int max, String requiredKey, boolean multiLine) {
		String text = Text.blankToNull(value);
		if (text == null) {
			if (requiredKey != null) {
				throw UserFacingException.badRequest("bad_parameter", requiredKey);
			}
			return null;
		}
		Text.check(field, text, multiLine);
		if (text.length() > max) {
			throw UserFacingException.badRequest("bad_parameter", "meetings.error.too-long", field, String.valueOf(max));
		}
		return text;
	}

	private static Meeting row(ResultSet rs, int n) throws SQLException {
		long material = rs.getLong("material_id");
		Long materialId = rs.wasNull() ? null : material;
		return new Meeting(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getDate("held_on").toLocalDate(), rs.getString("attendees"), rs.getString("topics"),
				rs.getString("minutes"), materialId, rs.getString("recorded_by"));
	}
}
