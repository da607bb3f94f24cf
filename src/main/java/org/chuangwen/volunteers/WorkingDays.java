package org.chuangwen.volunteers;

import com.nlf.calendar.Holiday;
import com.nlf.calendar.util.HolidayUtil;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Working days as the rules count them: Monday to Friday, without the statutory holidays, plus the weekend days worked
 * in exchange (调休). The lunar library knows the State Council's schedules up to the year it was released (2023 for the
 * version on the classpath); later years come from {@code volunteers/holidays.txt}, one {@code date off|work} a line,
 * to be extended each year when the new schedule is published.
 */
@Component
class WorkingDays {

	private final Map<LocalDate, Boolean> published = new HashMap<>();
	private int firstPublishedYear = Integer.MAX_VALUE;

	WorkingDays() {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ClassPathResource("volunteers/holidays.txt").getInputStream(), StandardCharsets.UTF_8))) {
			lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(line -> {
				String[] parts = line.split("\\s+");
				LocalDate day = LocalDate.parse(parts[0]);
				published.put(day, parts[1].equals("work"));
				firstPublishedYear = Math.min(firstPublishedYear, day.getYear());
			});
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	boolean isWorkingDay(LocalDate day) {
		Boolean work = published.get(day);
		// the file takes over from its first year on: the library's data for later years, if any, is not consulted
		if (work == null && day.getYear() < firstPublishedYear) {
			Holiday holiday = HolidayUtil.getHoliday(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
			work = holiday == null ? null : holiday.isWork();
		}
		if (work != null) {
			return work;
		}
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	/** The day on which {@code count} working days after {@code from} have passed (from itself not counted). */
	LocalDate after(LocalDate from, int count) {
		LocalDate day = from;
		int left = count;
		while (left > 0) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}
}
