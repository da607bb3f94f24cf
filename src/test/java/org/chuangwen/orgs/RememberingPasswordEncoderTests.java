package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class RememberingPasswordEncoderTests {

	private final AtomicInteger checks = new AtomicInteger();
	private final PasswordEncoder plain = new PasswordEncoder() {
		@Override
		public String encode(CharSequence raw) {
			return "{plain}" + raw;
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checks.incrementAndGet();
			return encoded.equals("{plain}" + raw);
		}
	};

	@Test
	void remembersOnlySuccessfulChecksOfTheSameHashForAWhile() {
		MutableClock clock = new MutableClock();
		RememberingPasswordEncoder encoder = new RememberingPasswordEncoder(plain, Duration.ofMinutes(5), clock);
		String hash = encoder.encode("secret");

		assertThat(encoder.matches("secret", hash)).isTrue();
		assertThat(encoder.matches("secret", hash)).isTrue();
		assertThat(checks).as("the second success is remembered").hasValue(1);

		assertThat(encoder.matches("wrong", hash)).isFalse();
		assertThat(encoder.matches("wrong", hash)).isFalse();
		assertThat(checks).as("failures are always checked").hasValue(3);

		assertThat(encoder.matches("secret", "{plain}changed")).as("a changed hash is checked again").isFalse();
		assertThat(checks).hasValue(4);

		clock.now = clock.now.plus(Duration.ofMinutes(6));
		assertThat(encoder.matches("secret", hash)).isTrue();
		assertThat(checks).as("expired entries are checked again").hasValue(5);
	}

	static final class MutableClock extends Clock {

		Instant now = Instant.parse("2026-11-28T00:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
