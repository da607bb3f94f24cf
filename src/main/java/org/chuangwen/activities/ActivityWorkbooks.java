package org.chuangwen.activities;

import static org.chuangwen.activities.ActivityFields.SHANGHAI;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chuangwen.platform.ListExport;
import org.chuangwen.platform.ListWorkbook;
import org.chuangwen.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The activities list and an activity's participants as XLSX: a title row, the filters applied and when it was
 * exported, then the rows, written streaming. Phones stay masked as everywhere else; the export itself reveals nothing.
 */
@Component
class ActivityWorkbooks {

	private static final List<String> ACTIVITY_COLUMNS = List.of("id", "title", "category", "starts", "ends", "place", "unit", "indicators",
			"organizer", "signed-up", "checked-in", "stages");
	private static final List<String> PARTICIPANT_COLUMNS = List.of("name", "role", "phone", "signed-up-at", "checked-in-at", "checked-out-at",
			"minutes");
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd");
	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
	/** More than any community plans in years; the list is read in one go (activities are few, materials are many). */
	private static final int MOST = 100_000;

	private final Activities activities;
	private final MessageSource messages;
	private final Clock clock;

	ActivityWorkbooks(Activities activities, MessageSource messages, Clock clock) {
		this.activities = activities;
		this.messages = messages;
		this.clock = clock;
	}

	/** Activities in the caller's scope starting from {@code from} up to {@code to} (inclusive; null for open ends). */
	ListExport activities(LocalDate from, LocalDate to, Locale locale) {
		if (from != null && to != null && from.isAfter(to)) {
			throw UserFacingException.badRequest("bad_range", "error.export.range", from, to);
		}
		List<Activity> list = activities.list(from, to == null ? null : to.plusDays(1), MOST);
		List<String> applied = new ArrayList<>();
		if (from != null) {
			applied.add(text("export.filter.from", locale) + ":" + from);
		}
		if (to != null) {
			applied.add(text("export.filter.to", locale) + ":" + to);
		}
		String title = text("export.activities.title", locale);
		return export(title, applied, ACTIVITY_COLUMNS.stream().map(c -> text("export.activities.column." + c, locale)).toList(), locale,
				rows -> {
					for (Activity a : list) {
						rows.add(a.id(), a.title(), a.category().name(), a.startsAt(), a.endsAt(), a.place(), a.orgUnitName(),
								String.join(", ", a.indicatorCodes()), a.organizer(), a.signedUp(), a.checkedIn(),
								a.stagesDone() + "/" + a.stages().size());
					}
				});
	}

	/** Everyone signed up for or checked in to an activity in the caller's scope, phones masked. */
	ListExport participants(long id, Locale locale) {
		Activity activity = activities.find(id);
		List<Participant> participants = activities.participants(id);
		String title = messages.getMessage("export.participants.title", new Object[] {activity.title()}, locale);
		List<String> applied = List.of(text("export.filter.activity", locale) + ":" + activity.title() + "(" + SHOWN.format(activity.startsAt())
				+ ")");
		return export(title, applied, PARTICIPANT_COLUMNS.stream().map(c -> text("export.participants.column." + c, locale)).toList(), locale,
				rows -> {
					for (Participant p : participants) {
						rows.add(p.name(), text("export.participants.role." + p.role().name(), locale), p.phone(), p.signedUpAt(),
								p.checkedInAt(), p.checkedOutAt(), p.minutes());
					}
				});
	}

	private ListExport export(String title, List<String> applied, List<String> columns, Locale locale, ListWorkbook.Body body) {
		LocalDateTime now = LocalDateTime.now(clock.withZone(SHANGHAI));
		String filters = messages.getMessage("export.filters",
				new Object[] {applied.isEmpty() ? text("export.filters.none", locale) : String.join(";", applied)}, locale);
		ListWorkbook.Heading heading = new ListWorkbook.Heading(title, filters,
				messages.getMessage("export.exported", new Object[] {SHOWN.format(now)}, locale));
		String sheet = title.length() > 31 ? title.substring(0, 31) : title;
		return new ListExport(title + "-" + STAMP.format(now) + ".xlsx", out -> ListWorkbook.write(out, safeSheetName(sheet), heading, columns, body));
	}

	/** Excel refuses sheet names with []:*?/\ in them. */
	private static String safeSheetName(String name) {
		return name.replaceAll("[\\[\\]:*?/\\\\]", "_");
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}
}
