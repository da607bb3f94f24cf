package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The 补录 mark only where the gap between forming and filing means something. */
class LateMarkTests {

	private static final Instant FILED = Instant.parse("2026-11-01T02:00:00Z");

	@Test
	void unsetEveryGapOverTheAllowanceIsMarked() {
		MaterialReader reader = reader(null);
		assertThat(reader.lateDays(LocalDate.of(2010, 3, 1), FILED)).isPositive();
		assertThat(reader.lateDays(LocalDate.of(2026, 10, 1), FILED)).isZero();
	}

	@Test
	void whatWasFormedBeforeThePlatformWasInUseIsNotMarked() {
		MaterialReader reader = reader(LocalDate.of(2026, 1, 1));
		assertThat(reader.lateDays(LocalDate.of(2009, 5, 1), FILED)).as("2009 evidence gathered for the inspection").isZero();
		assertThat(reader.lateDays(LocalDate.of(2010, 12, 31), FILED)).isZero();
		assertThat(reader.lateDays(LocalDate.of(2026, 2, 1), FILED)).as("formed while the platform was in use, filed 9 months later")
				.isEqualTo(273);
	}

	private static MaterialReader reader(LocalDate lateMarkedFrom) {
		return new MaterialReader(null, null, null, new EvidenceProperties(null, 0, null, null, lateMarkedFrom));
	}
}
