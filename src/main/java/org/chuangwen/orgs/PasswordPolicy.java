package org.chuangwen.orgs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.chuangwen.platform.UserFacingException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one password policy, applied wherever a password is set (account creation, the first administrator,
 * the demo data, changing one's own password). A refusal names the rule that was broken.
 */
@Component
class PasswordPolicy {

	/** bcrypt reads only the first 72 bytes, and Spring Security refuses longer input outright. */
	static final int MAX_BYTES = 72;

	private final PasswordProperties properties;
	private final PasswordEncoder encoder;
	private final Clock clock;

	PasswordPolicy(PasswordProperties properties, PasswordEncoder encoder, Clock clock) {
		this.properties = properties;
		this.encoder = encoder;
		this.clock = clock;
	}

	/**
	 * Checks a new password of {@code username} against the rules and against {@code previousHashes} (the
	 * account's earlier passwords, newest first; only the configured number of them count).
	 *
	 * @throws UserFacingException {@code 400 weak_password} naming the first rule broken
	 */
	void check(String username, String password, List<String> previousHashes) {
		if (password == null || password.codePointCount(0, password.length()) < properties.minLength()) {
			throw weak("error.password.length", properties.minLength());
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw weak("error.password.too-long", MAX_BYTES);
		}
		if (classes(password) < properties.minClasses()) {
			throw weak("error.password.classes", properties.minClasses());
		}
		if (username != null && !username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
			throw weak("error.password.username");
		}
		int history = properties.history();
		if (previousHashes.stream().limit(history).anyMatch(hash -> encoder.matches(password, hash))) {
			throw weak("error.password.reused", history);
		}
	}

	/** Whether a password set at {@code setAt} has outlived the maximum age. */
	boolean expired(Instant setAt) {
		return properties.expires() && setAt != null && !setAt.plus(properties.maxAge()).isAfter(Instant.now(clock));
	}

	PasswordRules rules() {
		return new PasswordRules(properties.minLength(), properties.minClasses(), properties.history(), properties.maxAge().toDays());
	}

	int history() {
		return properties.history();
	}

	private static int classes(String password) {
		boolean upper = false, lower = false, digit = false, other = false;
		for (int i = 0; i < password.length(); ) {
			int c = password.codePointAt(i);
			i += Character.charCount(c);
			if (Character.isUpperCase(c)) {
				upper = true;
			} else if (Character.isLowerCase(c)) {
				lower = true;
			} else if (Character.isDigit(c)) {
				digit = true;
			} else {
				other = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	private static UserFacingException weak(String key, Object... args) {
		return UserFacingException.badRequest("weak_password", key, args);
	}
}
