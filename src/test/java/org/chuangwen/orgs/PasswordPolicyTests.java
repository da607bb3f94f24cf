package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The rules themselves; that every path applies them is shown by {@code PasswordChangeTests}. */
class PasswordPolicyTests {

	private final PasswordEncoder encoder = new BCryptPasswordEncoder(4);
	private final RememberingPasswordEncoderTests.MutableClock clock = new RememberingPasswordEncoderTests.MutableClock();
	private final PasswordPolicy policy = new PasswordPolicy(new PasswordProperties(null, null, null, null), encoder, clock);

	@Test
	void needsEightCharactersFromThreeOfFourClasses() {
		assertRefused("1", "error.password.length", 8);
		assertRefused("Ab1!xyz", "error.password.length", 8);
		assertRefused("password", "error.password.classes", 3);
		assertRefused("password123", "error.password.classes", 3);
		assertRefused("PASSWORD123", "error.password.classes", 3);
		assertThatCode(() -> policy.check("shequ1", "Password123", List.of())).doesNotThrowAnyException();
		assertThatCode(() -> policy.check("shequ1", "password-123", List.of())).doesNotThrowAnyException();
		assertThatCode(() -> policy.check("shequ1", "chuangwen@2026", List.of())).as("the demo password").doesNotThrowAnyException();
		assertThatCode(() -> policy.check("shequ1", "创文平台 Pass1", List.of())).as("Chinese counts as an other class").doesNotThrowAnyException();
	}

	@Test
	void mustNotContainTheUsernameInAnyCase() {
		assertRefused("jiedao", "Jiedao-2026", "error.password.username");
		assertRefused("jiedao", "my-JIEDAO-1", "error.password.username");
		assertThatCode(() -> policy.check("jiedao", "Jie-dao-2026", List.of())).doesNotThrowAnyException();
	}

	@Test
	void mustNotBeOneOfTheLastFive() {
		List<String> history = List.of("Newest-pass1", "Second-pass2", "Third-pass3", "Fourth-pass4", "Fifth-pass5", "Sixth-pass6")
				.stream().map(encoder::encode).toList();
		for (String reused : List.of("Newest-pass1", "Third-pass3", "Fifth-pass5")) {
			assertThatThrownBy(() -> policy.check("shequ1", reused, history))
					.isInstanceOfSatisfying(UserFacingException.class, e -> {
						assertThat(e.error()).isEqualTo("weak_password");
						assertThat(e.messageKey()).isEqualTo("error.password.reused");
						assertThat(e.args()).containsExactly(5);
					});
		}
		assertThatCode(() -> policy.check("shequ1", "Sixth-pass6", history)).as("the sixth is forgotten").doesNotThrowAnyException();
	}

	@Test
	void refusesWhatBcryptWouldCutOff() {
		assertRefused("Aa1-" + "x".repeat(69), "error.password.too-long", 72);
		assertThatCode(() -> policy.check("shequ1", "Aa1-" + "x".repeat(68), List.of())).doesNotThrowAnyException();
	}

	@Test
	void expiresAfterTheMaximumAgeUnlessItIsZero() {
		java.time.Instant set = clock.now;
		clock.now = set.plus(Duration.ofDays(89));
		assertThat(policy.expired(set)).isFalse();
		clock.now = set.plus(Duration.ofDays(90));
		assertThat(policy.expired(set)).isTrue();
		PasswordPolicy forever = new PasswordPolicy(new PasswordProperties(null, null, null, Duration.ZERO), encoder, clock);
		clock.now = set.plus(Duration.ofDays(3650));
		assertThat(forever.expired(set)).isFalse();
	}

	@Test
	void theRulesAreConfigurable() {
		PasswordPolicy strict = new PasswordPolicy(new PasswordProperties(12, 4, 10, Duration.ofDays(30)), encoder, clock);
		assertThatThrownBy(() -> strict.check("x", "Abcdef-12", List.of())).hasMessageContaining("error.password.length");
		assertThatThrownBy(() -> strict.check("x", "Abcdefgh-jkl", List.of())).hasMessageContaining("error.password.classes");
		assertThat(strict.rules()).isEqualTo(new PasswordRules(12, 4, 10, 30));
	}

	private void assertRefused(String password, String key, Object... args) {
		assertRefused("shequ1", password, key, args);
	}

	private void assertRefused(String username, String password, String key, Object... args) {
		assertThatThrownBy(() -> policy.check(username, password, List.of()))
				.as(password)
				.isInstanceOfSatisfying(UserFacingException.class, e -> {
					assertThat(e.error()).isEqualTo("weak_password");
					assertThat(e.messageKey()).isEqualTo(key);
					assertThat(e.args()).containsExactly(args);
				});
	}
}
