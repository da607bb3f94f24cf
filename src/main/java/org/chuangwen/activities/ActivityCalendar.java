package org.chuangwen.activities;

import static org.chuangwen.platform.Zones.SHANGHAI;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A month of festivals and the caller's activities, as the calendar page shows it. */
@Component
class ActivityCalendar {

	/** More than any community plans in a month; the page is a calendar, not a list to page through. */
	private static final int MONTH_LIMIT = 500;

	record Month(YearMonth month, List<List<LocalDate>> weeks, List<Festivals.Festival> festivals,
			Map<LocalDate, List<Festivals.Festival>> festivalsByDay, Map<LocalDate, List<Activity>> activitiesByDay, LocalDate today,
			LocalDateTime now) {}

	private final Activities activities;
	private final Festivals festivals;
	private final Clock clock;

	ActivityCalendar(Activities activities, Festivals festivals, Clock clock) {
		this.activities = activities;
		this.festivals = festivals;
		this.clock = clock;
	}

	/** The month asked for (a month outside 1–12 is clamped), or this month when either part is missing. */
	Month month(Integer year, Integer month) {
		LocalDateTime now = LocalDateTime.now(clock.withZone(SHANGHAI));
		YearMonth shown = year == null || month == null ? YearMonth.from(now) : YearMonth.of(year, Math.max(1, Math.min(12, month)));
		List<Festivals.Festival> inMonth = festivals.of(shown.getYear()).stream().filter(f -> YearMonth.from(f.date()).equals(shown)).toList();
		List<Activity> planned = activities.list(shown.atDay(1), shown.plusMonths(1).atDay(1), MONTH_LIMIT);
		return new Month(shown, CalendarWeeks.of(shown), inMonth, inMonth.stream().collect(Collectors.groupingBy(Festivals.Festival::date)),
				planned.stream().collect(Collectors.groupingBy(a -> a.startsAt().toLocalDate())), now.toLocalDate(), now);
	}
}
