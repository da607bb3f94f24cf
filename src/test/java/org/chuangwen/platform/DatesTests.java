package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** What a browser's {@code Date.toISOString()}, a form's datetime-local and a typist send, read the one way. */
class DatesTests {

	private static final LocalDateTime TEN = LocalDateTime.of(2026, 5, 1, 10, 0);

	@Test
	void instantsWithAnOffsetBecomeBeijingTime() {
		assertThat(Dates.dateTime("startsAt", "2026-05-01T02:00:00Z")).isEqualTo(TEN);
		assertThat(Dates.dateTime("startsAt", "2026-05-01T02:00:00.000Z")).isEqualTo(TEN);
		assertThat(Dates.dateTime("startsAt", "2026-05-01T10:00:00+08:00")).isEqualTo(TEN);
		assertThat(Dates.dateTime("startsAt", "2026-05-01T10:00+08:00")).isEqualTo(TEN);
		assertThat(Dates.dateTime("startsAt", "2026-04-30T22:00:00-04:00")).isEqualTo(TEN);
	}

	@Test
	void localTimesAreBeijingTimeAsTheyAre() {
		assertThat(Dates.dateTime("startsAt", "2026-05-01T10:00")).isEqualTo(TEN);
		assertThat(Dates.dateTime("startsAt", "2026-05-01T10:00:00")).isEqualTo(TEN);
		assertThat(Dates.dateTime("startsAt", " 2026-05-01T10:00:00.250 ")).isEqualTo(TEN);
		assertThat(Dates.dateTime("startsAt", "")).isNull();
	}

	@Test
	void datesMayComeAsInstantsToo() {
		assertThat(Dates.date("dateFormed", "2010-05-01")).isEqualTo(LocalDate.of(2010, 5, 1));
		assertThat(Dates.date("dateFormed", "2010-04-30T16:00:00.000Z")).isEqualTo(LocalDate.of(2010, 5, 1));
	}

	@Test
	void refusesWhatIsNoDateNamingTheField() {
		assertThatThrownBy(() -> Dates.dateTime("startsAt", "2026-13-01T10:00")).isInstanceOfSatisfying(InvalidDateException.class, e -> {
			assertThat(e.error()).isEqualTo("invalid_date");
			assertThat(e.field()).isEqualTo("startsAt");
			assertThat(e.messageKey()).isEqualTo("error.date.format");
		});
		assertThatThrownBy(() -> Dates.date("dateFormed", "2010-02-30")).isInstanceOf(InvalidDateException.class);
		assertThatThrownBy(() -> Dates.dateTime("takenAt", "tomorrow")).isInstanceOf(InvalidDateException.class);
	}

	@Test
	void refusesYearsNobodyMeans() {
		for (String text : new String[] {"0000-01-01T00:00", "9999-12-31T10:00", "1949-09-30T23:59:59", "2100-01-01T00:00", "+10000-01-01T00:00"}) {
			assertThatThrownBy(() -> Dates.dateTime("startsAt", text)).as(text).isInstanceOfSatisfying(InvalidDateException.class,
					e -> assertThat(e.messageKey()).isIn("error.date.range", "error.date.format"));
		}
		assertThatThrownBy(() -> Dates.date("dateFormed", "0000-01-01")).isInstanceOf(InvalidDateException.class);
		assertThat(Dates.dateTime("startsAt", "1949-10-01T00:00")).isEqualTo(LocalDateTime.of(1949, 10, 1, 0, 0));
	}
}
