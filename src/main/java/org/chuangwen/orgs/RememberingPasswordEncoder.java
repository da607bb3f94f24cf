package org.chuangwen.orgs;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt, but a password that matched its hash a moment ago is not re-hashed for every API call: HTTP Basic sends
 * the password with each request, and bcrypt's ≈100 ms of CPU per check would cap a 2-core server at about 20 API
 * calls a second. Only successful checks are remembered, for {@code ttl}, under a keyed hash (HMAC with a random
 * per-process key) of the password and its stored hash — so a changed password or hash never matches a stale
 * entry, and guessing is exactly as slow as before.
 */
final class RememberingPasswordEncoder implements PasswordEncoder {

	private static final int CAPACITY = 10_000;

	private final PasswordEncoder delegate;
	private final Duration ttl;
	private final Clock clock;
	private final SecretKeySpec key;
	private final Map<String, Instant> matched = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
			return size() > CAPACITY;
		}
	};

	RememberingPasswordEncoder(PasswordEncoder delegate, Duration ttl, Clock clock) {
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return delegate.matches(rawPassword, encodedPassword);
		}
		String fingerprint = fingerprint(rawPassword, encodedPassword);
		Instant now = Instant.now(clock);
		synchronized (matched) {
			Instant until = matched.get(fingerprint);
			if (until != null && until.isAfter(now)) {
				return true;
			}
		}
		boolean matches = delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			synchronized (matched) {
				matched.put(fingerprint, now.plus(ttl));
			}
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return delegate.upgradeEncoding(encodedPassword);
	}

	private String fingerprint(CharSequence rawPassword, String encodedPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal());
		} catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
