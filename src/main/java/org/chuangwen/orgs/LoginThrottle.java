package org.chuangwen.orgs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.Throttle;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Password logins (form and HTTP Basic), throttled before the password is looked at. The 等保 lockout — after
 * {@code maxFailedAttempts} failures, {@code lockFor} without attempts — counts per username <em>and address</em>,
 * so a stranger locks only themselves out, never the worker at the office; each failure before it makes the next
 * attempt from there wait (1 s, 2 s, 4 s …). One address failing across many usernames (password spraying) is
 * blocked, and one username failing from many addresses raises an alert and is then open only to addresses it
 * logged in from before.
 *
 * <p>Nothing here depends on whether the username exists: unknown usernames are counted, delayed and blocked alike,
 * their password is checked against a dummy hash (Spring Security's timing protection), and account states (locked,
 * disabled) are only checked after a right password. Every refusal is the same {@link BadCredentialsException}-like
 * answer. The counts live in this JVM (see {@link Throttle}).
 */
@Component
class LoginThrottle implements AuthenticationProvider {

	private static final int LONGEST_USERNAME = 64;

	private final DaoAuthenticationProvider passwords;
	private final Throttle perAccountAndAddress;
	private final Throttle perAddress;
	private final Throttle perAccount;
	private final Map<String, Instant> familiar;
	private final Duration familiarFor;
	private final AuditLog audit;
	private final Clock clock;

	LoginThrottle(UserDetailsService accounts, PasswordEncoder encoder, AccountProperties lockout, LoginThrottleProperties settings, AuditLog audit,
			Clock clock) {
		this.passwords = new DaoAuthenticationProvider(accounts);
		this.passwords.setPasswordEncoder(encoder);
		// a locked or disabled account is told only to someone who knows its password
		this.passwords.setPreAuthenticationChecks(user -> {});
		this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		this.perAccountAndAddress = new Throttle(new Throttle.Rule(lockout.maxFailedAttempts(), lockout.lockFor(), lockout.lockFor(),
				lockout.lockFor(), settings.firstDelay()), clock, settings.capacity());
		this.perAddress = new Throttle(new Throttle.Rule(settings.addressFailures(), settings.addressWindow(), settings.addressWindow(),
				settings.addressMaxBlock(), Duration.ZERO), clock, settings.capacity());
		this.perAccount = new Throttle(new Throttle.Rule(settings.accountCeiling(), settings.accountWindow(), lockout.lockFor(),
				lockout.lockFor().multipliedBy(4), Duration.ZERO), clock, settings.capacity());
		this.familiarFor = settings.familiarFor();
		int capacity = settings.capacity();
		this.familiar = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
				return size() > capacity;
			}
		};
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName() == null ? "" : attempt.getName();
		String address = address(attempt);
		if (username.length() > LONGEST_USERNAME) {
			perAddress.record(address);
			throw new LoginRefused();
		}
		String pair = username + '\u0000' + address;
		refuseIfThrottled(username, address, pair);
		try {
			Authentication authenticated = passwords.authenticate(attempt);
			perAccountAndAddress.clear(pair);
			synchronized (familiar) {
				familiar.put(pair, Instant.now(clock).plus(familiarFor));
			}
			return authenticated;
		} catch (BadCredentialsException e) {
			failed(username, address, pair);
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Lifts every block of {@code username} (from all addresses and the ceiling); addresses stay throttled. */
	void unlock(String username) {
		String prefix = username + '\u0000';
		perAccountAndAddress.clearAll(key -> key.startsWith(prefix));
		perAccount.clear(username);
	}

	/** Refusals are not audited one by one: the start of each block is (see {@link #failed}). */
	private void refuseIfThrottled(String username, String address, String pair) {
		boolean refused = !perAddress.check(address).allowed() || !perAccountAndAddress.check(pair).allowed()
				|| !familiar(pair) && !perAccount.check(username).allowed();
		if (refused) {
			throw new LoginRefused();
		}
	}

	private void failed(String username, String address, String pair) {
		Throttle.Verdict pairVerdict = perAccountAndAddress.record(pair);
		if (pairVerdict.first()) {
			audit.recordAs(username, "ACCOUNT_LOCKED", "account", username, null,
					"from " + address + " for " + pairVerdict.retryAfter().toMinutes() + " minutes");
		}
		Throttle.Verdict addressVerdict = perAddress.record(address);
		if (addressVerdict.first()) {
			audit.recordAs(username, "LOGIN_THROTTLED", "address", address, null,
					"failures from the address, blocked for " + addressVerdict.retryAfter().toMinutes() + " minutes");
		}
		Throttle.Verdict accountVerdict = perAccount.record(username);
		if (accountVerdict.first()) {
			audit.recordAs(username, "LOGIN_ALERT", "account", username, null,
					"failures from many addresses; only familiar addresses may try for " + accountVerdict.retryAfter().toMinutes() + " minutes");
		}
	}

	private boolean familiar(String pair) {
		synchronized (familiar) {
			Instant until = familiar.get(pair);
			return until != null && until.isAfter(Instant.now(clock));
		}
	}

	private static String address(Authentication attempt) {
		if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
			return request.getRequest().getRemoteAddr();
		}
		return "unknown";
	}

	/** A refused attempt: answered like a wrong password, and published as no failure event (it is audited here once). */
	static final class LoginRefused extends AuthenticationException {

		LoginRefused() {
			super("login refused for now");
		}
	}
}
