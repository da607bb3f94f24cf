package org.chuangwen.activities;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The weeks of a month as a calendar shows them, Monday first; days outside the month are null. */
final class CalendarWeeks {

	private CalendarWeeks() {}

	static List<List<LocalDate>> of(YearMonth month) {
		List<List<LocalDate>> weeks = new ArrayList<>();
		List<LocalDate> week = new ArrayList<>();
		for (int blank = 1; blank < month.atDay(1).getDayOfWeek().getValue(); blank++) {
			week.add(null);
		}
		for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
			week.add(day);
			if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
				weeks.add(week);
				week = new ArrayList<>();
			}
		}
		if (!week.isEmpty()) {
			while (week.size() < 7) {
				week.add(null);
			}
			weeks.add(week);
		}
		return weeks;
	}
}
