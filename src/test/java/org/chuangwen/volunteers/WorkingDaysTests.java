package org.chuangwen.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.chuangwen.activities.ActivityHeld;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.Test;

/** The plain rules: working days with holidays and 调休, ID numbers, star levels and bounded hours. */
class WorkingDaysTests {

	private final WorkingDays days = new WorkingDays();

	@Test
	void holidaysAreSkippedAndExchangedWeekendsCount() {
		assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 1))).as("国庆").isFalse();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 10))).as("a Saturday worked in exchange").isTrue();
		assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 28))).as("a plain Saturday").isFalse();
		assertThat(days.isWorkingDay(LocalDate.of(2023, 10, 2))).as("from the lunar library").isFalse();
		// Friday 2026-09-18: the 10th working day after it skips 中秋 (09-25) and 国庆 (10-01 … 10-07) but counts Sunday 09-20 worked in exchange
		assertThat(days.after(LocalDate.of(2026, 9, 18), 10)).isEqualTo(LocalDate.of(2026, 10, 9));
		assertThat(days.after(LocalDate.of(2026, 11, 27), 10)).isEqualTo(LocalDate.of(2026, 12, 11));
	}

	@Test
	void anIdNumberIsCheckedAndTellsSexAndBirthDate() {
		String id = IdNumbers.valid(" 11010519491231002x ");
		assertThat(id).isEqualTo("11010519491231002X");
		assertThat(IdNumbers.sex(id)).isEqualTo("女");
		assertThat(IdNumbers.birthDate(id)).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(IdNumbers.mask(id)).isEqualTo("110105********002X");
		assertThatThrownBy(() -> IdNumbers.valid("110105194912310021")).isInstanceOf(UserFacingException.class);
		assertThatThrownBy(() -> IdNumbers.valid("1101051949123")).isInstanceOf(UserFacingException.class);
	}

	@Test
	void levelsFollowTheConfiguredThresholds() {
		VolunteerProperties defaults = new VolunteerProperties(null, null, null, null);
		assertThat(defaults.level(new BigDecimal("99.99"))).isNull();
		assertThat(defaults.level(new BigDecimal("100"))).isEqualTo("一星");
		assertThat(defaults.level(new BigDecimal("1500"))).isEqualTo("五星");
		VolunteerProperties custom = new VolunteerProperties(List.of(BigDecimal.TEN, new BigDecimal(20)), 10, 5, Duration.ofMinutes(10));
		assertThat(custom.level(new BigDecimal("25"))).isEqualTo("二星");
		assertThatThrownBy(() -> new VolunteerProperties(List.of(BigDecimal.TEN, BigDecimal.ONE), null, null, null))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void hoursAreBoundedByTheActivitysWindow() {
		LocalDateTime start = LocalDateTime.of(2026, 11, 28, 9, 0);
		LocalDateTime end = start.plusHours(2);
		assertThat(ServiceRecords.bounded(new ActivityHeld.Attendee("a", "h", true, start.minusMinutes(30), end.plusHours(1)), start, end))
				.isEqualByComparingTo("2.00");
		assertThat(ServiceRecords.bounded(new ActivityHeld.Attendee("a", "h", true, start.plusMinutes(20), start.plusMinutes(65)), start, end))
				.isEqualByComparingTo("0.75");
		assertThat(ServiceRecords.bounded(new ActivityHeld.Attendee("a", "h", true, start, null), start, end)).isNull();
		assertThat(Certificates.maskName("欧阳娜娜")).isEqualTo("欧***");
	}
}
