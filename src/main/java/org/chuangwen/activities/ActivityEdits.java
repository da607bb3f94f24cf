package org.chuangwen.activities;

import static org.chuangwen.activities.ActivityFields.SHANGHAI;
import static org.chuangwen.activities.ActivityFields.local;
import static org.chuangwen.activities.ActivityFields.required;
import static org.chuangwen.activities.ActivityFields.utc;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.chuangwen.activities.ActivityRows.Row;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.Dates;
import org.chuangwen.platform.FieldChange;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Corrections of an activity's title, times, place and indicators, checked as when planning. The check-in window is
 * not stored: it is derived from the times, so it moves with them. Each changed field leaves a row of history and the
 * correction one audit entry.
 */
@Component
class ActivityEdits {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;
	private final ActivityRows rows;
	private final Catalog catalog;
	private final DataScope scope;
	private final AuditLog audit;
	private final Clock clock;

	ActivityEdits(JdbcClient jdbc, ActivityRows rows, Catalog catalog, DataScope scope, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.catalog = catalog;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a correction changed, in the activity's unit (for the audit entry). */
	record Applied(List<FieldChange> changes, long unitId) {}

	/** Applies a correction inside the caller's transaction; the audit entry is {@link #audit}'s, after the commit. */
	Applied correct(long id, ActivityCorrection correction) {
		rows.writable(id);
		// two corrections of one activity queue here, so neither overwrites what the other checked
		jdbc.sql("select id from activity where id = :id for update").param("id", id).query(Long.class).single();
		Row row = rows.row(id);
		String title = correction.title() == null ? row.title() : required(Text.check("title", correction.title(), false), 200, "error.activity.title");
		String place = correction.place() == null ? row.place() : required(Text.check("place", correction.place(), false), 200, "error.activity.place");
		LocalDateTime starts = correction.startsAt() == null ? local(row.starts()) : correction.startsAt();
		LocalDateTime ends = correction.endsAt() == null ? local(row.ends()) : correction.endsAt();
		if (!ends.isAfter(starts)) {
			throw UserFacingException.badRequest("invalid_time", "error.activity.time");
		}
		LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
		if (correction.startsAt() != null) {
			Dates.requireWithin("startsAt", starts, today.minusYears(3).atStartOfDay(), today.plusYears(2).atStartOfDay());
		}
		if (correction.endsAt() != null) {
			Dates.requireWithin("endsAt", ends, today.minusYears(3).atStartOfDay(), today.plusYears(2).atStartOfDay());
		}
		List<Long> before = indicatorIds(id);
		List<Long> after = correction.indicatorCodes() == null ? before
				: catalog.resolveAll(correction.indicatorCodes()).stream().map(Indicator::id).distinct().sorted().toList();

		String by = scope.user().username();
		Instant at = Instant.now(clock);
		List<FieldChange> changes = new ArrayList<>();
		note(changes, "title", row.title(), title, by, at);
		note(changes, "startsAt", SHOWN.format(local(row.starts())), SHOWN.format(starts), by, at);
		note(changes, "endsAt", SHOWN.format(local(row.ends())), SHOWN.format(ends), by, at);
		note(changes, "place", row.place(), place, by, at);
		note(changes, "indicators", codes(before), codes(after), by, at);
		if (changes.isEmpty()) {
			return new Applied(changes, row.unitId());
		}
		jdbc.sql("update activity set title = :title, starts_at = :starts, ends_at = :ends, place = :place where id = :id")
				.param("title", title)
				.param("starts", utc(starts))
				.param("ends", utc(ends))
				.param("place", place)
				.param("id", id)
				.update();
		if (!after.equals(before)) {
			jdbc.sql("delete from activity_indicator where activity_id = :a").param("a", id).update();
			for (long indicatorId : after) {
				jdbc.sql("insert into activity_indicator (activity_id, indicator_id) values (:a, :i)").param("a", id).param("i", indicatorId).update();
			}
		}
		for (FieldChange change : changes) {
			jdbc.sql("""
					insert into activity_change (activity_id, field, old_value, new_value, changed_by, changed_at)
					values (:id, :field, :old, :new, :by, :at)""")
					.param("id", id)
					.param("field", change.field())
					.param("old", change.oldValue())
					.param("new", change.newValue())
					.param("by", by)
					.param("at", Timestamp.from(at))
					.update();
		}
		return new Applied(changes, row.unitId());
	}

	void audit(long id, Applied applied) {
		if (!applied.changes().isEmpty()) {
			audit.record("ACTIVITY_CORRECTED", "activity", id, applied.unitId(), applied.changes().stream()
					.map(c -> c.field() + ": " + c.oldValue() + " → " + c.newValue()).reduce((a, b) -> a + "; " + b).orElse(""));
		}
	}

	/** The corrections of an activity in the caller's scope, oldest first. */
	List<FieldChange> history(long id) {
		rows.find(id);
		return jdbc.sql("select field, old_value, new_value, changed_by, changed_at from activity_change where activity_id = :id order by id")
				.param("id", id)
				.query((rs, n) -> new FieldChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant()))
				.list();
	}

	private List<Long> indicatorIds(long id) {
		return jdbc.sql("select indicator_id from activity_indicator where activity_id = :a order by indicator_id").param("a", id)
				.query(Long.class).list();
	}

	private String codes(List<Long> indicatorIds) {
		return String.join(", ", indicatorIds.stream().flatMap(i -> catalog.find(i).stream())
				.sorted(Comparator.comparingInt(Indicator::sort)).map(Indicator::code).toList());
	}

	private static void note(List<FieldChange> changes, String field, String before, String after, String by, Instant at) {
		if (!Objects.equals(before, after)) {
			changes.add(new FieldChange(field, before, after, by, at));
		}
	}
}
