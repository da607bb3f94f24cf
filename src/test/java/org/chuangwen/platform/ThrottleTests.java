package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ThrottleTests {

	private final MovableClock clock = new MovableClock();

	@Test
	void aKeyOverItsLimitWaitsAndWaitsLongerEachTimeAgain() {
		Throttle throttle = new Throttle(new Throttle.Rule(3, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(4), Duration.ZERO), clock, 100);
		assertThat(throttle.record("a").allowed()).isTrue();
		assertThat(throttle.record("a").allowed()).isTrue();
		Throttle.Verdict third = throttle.record("a");
		assertThat(third.allowed()).isFalse();
		assertThat(third.first()).as("the event that started the block").isTrue();

		Throttle.Verdict refused = throttle.check("a");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.first()).isTrue();
		assertThat(refused.retryAfterSeconds()).isEqualTo(60);
		assertThat(throttle.check("a").first()).as("reported once per block").isFalse();
		assertThat(throttle.check("b").allowed()).as("other keys").isTrue();

		clock.move(Duration.ofSeconds(60));
		assertThat(throttle.check("a").allowed()).isTrue();
		for (int i = 0; i < 3; i++) {
			throttle.record("a");
		}
		assertThat(throttle.check("a").retryAfterSeconds()).as("second block").isEqualTo(120);
		clock.move(Duration.ofSeconds(120));
		for (int i = 0; i < 3; i++) {
			throttle.record("a");
		}
		assertThat(throttle.check("a").retryAfterSeconds()).isEqualTo(240);
		clock.move(Duration.ofSeconds(240));
		for (int i = 0; i < 3; i++) {
			throttle.record("a");
		}
		assertThat(throttle.check("a").retryAfterSeconds()).as("capped").isEqualTo(240);

		clock.move(Duration.ofMinutes(4 + 4 + 1));
		for (int i = 0; i < 3; i++) {
			throttle.record("a");
		}
		assertThat(throttle.check("a").retryAfterSeconds()).as("quiet long enough: starts over").isEqualTo(60);
	}

	@Test
	void eventsOlderThanTheWindowNoLongerCount() {
		Throttle throttle = new Throttle(new Throttle.Rule(3, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO), clock, 100);
		throttle.record("a");
		throttle.record("a");
		clock.move(Duration.ofSeconds(61));
		assertThat(throttle.record("a").allowed()).isTrue();
		assertThat(throttle.check("a").allowed()).isTrue();
	}

	@Test
	void aPlainWindowRefusesOnlyWhileItIsFull() {
		Throttle throttle = new Throttle(new Throttle.Rule(2, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO, Duration.ZERO), clock, 100);
		throttle.record("x");
		clock.move(Duration.ofSeconds(30));
		assertThat(throttle.record("x").first()).as("filled the window").isTrue();
		Throttle.Verdict full = throttle.check("x");
		assertThat(full.allowed()).isFalse();
		assertThat(full.retryAfterSeconds()).as("until the oldest event leaves").isEqualTo(30);
		clock.move(Duration.ofSeconds(30));
		assertThat(throttle.check("x").allowed()).isTrue();
	}

	@Test
	void spacingGrowsWithEachEventAndClearForgets() {
		Throttle throttle = new Throttle(new Throttle.Rule(5, Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofSeconds(1)),
				clock, 100);
		assertThat(throttle.record("u").retryAfterSeconds()).isEqualTo(1);
		assertThat(throttle.check("u").allowed()).isFalse();
		clock.move(Duration.ofSeconds(1));
		assertThat(throttle.record("u").retryAfterSeconds()).isEqualTo(2);
		clock.move(Duration.ofSeconds(2));
		assertThat(throttle.record("u").retryAfterSeconds()).isEqualTo(4);
		clock.move(Duration.ofSeconds(4));
		assertThat(throttle.record("u").retryAfterSeconds()).isEqualTo(8);
		clock.move(Duration.ofSeconds(8));
		assertThat(throttle.record("u").retryAfterSeconds()).as("the fifth: the lockout").isEqualTo(15 * 60);
		throttle.clear("u");
		assertThat(throttle.check("u").allowed()).isTrue();
	}

	@Test
	void memoryIsBoundedByForgettingTheLeastRecentlyUsedKeys() {
		Throttle throttle = new Throttle(new Throttle.Rule(1, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO), clock, 3);
		throttle.record("old");
		for (int i = 0; i < 3; i++) {
			throttle.record("new" + i);
		}
		assertThat(throttle.check("old").allowed()).isTrue();
		assertThat(throttle.check("new2").allowed()).isFalse();
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-11-29T00:00:00Z");

		void move(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
