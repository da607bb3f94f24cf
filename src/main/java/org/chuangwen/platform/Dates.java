package org.chuangwen.platform;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * The one reading of dates and times people and programs send: the JSON API and the page forms both parse here.
 * A date-time is either local ({@code 2026-05-01T10:00}, {@code …:00}, taken as Beijing time) or an instant with an
 * offset ({@code 2026-05-01T02:00:00.000Z} as {@code Date.toISOString()} writes it, or {@code …+08:00}), which is
 * converted to Beijing time: {@code T02:00:00Z} is stored as 10:00. Nothing before the founding of the PRC
 * (1949-10-01) or after 2099 is a date anyone here means; fields narrow this further with {@link #requireWithin}.
 */
public final class Dates {

	/** No date the platform stores lies before this day. */
	public static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

	/** No date the platform stores lies after this day (years such as 9999 are typing errors). */
	public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

	private static final int ECHO_LIMIT = 40;

	private Dates() {}

	/**
	 * Reads a date-time for {@code field}.
	 *
	 * @return the Beijing local time, to the second; {@code null} for null or blank text
	 * @throws InvalidDateException naming the field when the text is no date-time or lies outside 1949-10-01…2099
	 */
	public static LocalDateTime dateTime(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		LocalDateTime local;
		try {
			TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, ZonedDateTime::from, LocalDateTime::from);
			local = parsed instanceof ZonedDateTime zoned
					? zoned.withZoneSameInstant(Zones.SHANGHAI).toLocalDateTime()
					: (LocalDateTime) parsed;
		} catch (DateTimeParseException e) {
			throw new InvalidDateException(field, "error.date.format", echo(value));
		}
		requireWithin(field, local, EARLIEST.atStartOfDay(), LATEST.plusDays(1).atStartOfDay().minusSeconds(1));
		return local.truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * Reads a date for {@code field}: {@code 2026-05-01}, or a date-time (then its Beijing date, so that
	 * {@code 2010-04-30T16:00:00Z} is 2010-05-01).
	 *
	 * @return the date; {@code null} for null or blank text
	 * @throws InvalidDateException naming the field when the text is no date or lies outside 1949-10-01…2099
	 */
	public static LocalDate date(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String value = text.strip();
		if (value.indexOf('T') > 0) {
			return dateTime(field, value).toLocalDate();
		}
		LocalDate date;
		try {
			date = LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
		} catch (DateTimeParseException e) {
			throw new InvalidDateException(field, "error.date.format-date", echo(value));
		}
		requireWithin(field, date.atStartOfDay(), EARLIEST.atStartOfDay(), LATEST.atStartOfDay());
		return date;
	}

	/**
	 * Refuses a value of {@code field} outside {@code earliest…latest} (both included) with {@code 400 invalid_date}
	 * and a message naming the field and the range. A null value passes: whether it is required is the caller's rule.
	 */
	public static void requireWithin(String field, LocalDateTime value, LocalDateTime earliest, LocalDateTime latest) {
		if (value != null && (value.isBefore(earliest) || value.isAfter(latest))) {
			throw new InvalidDateException(field, "error.date.range", echo(value.toString()), show(earliest), show(latest));
		}
	}

	private static String show(LocalDateTime time) {
		return time.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
				? time.toLocalDate().toString()
				: time.truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
	}

	private static String echo(String value) {
		return value.length() <= ECHO_LIMIT ? value : value.substring(0, ECHO_LIMIT) + "…";
	}
}
