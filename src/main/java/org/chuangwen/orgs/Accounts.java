package org.chuangwen.orgs;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and unlocking accounts. Passwords are stored only as hashes. */
@Service
public class Accounts {

	private final AccountRepository accounts;
	private final OrgUnitRepository units;
	private final PasswordEncoder passwords;
	private final AccountDetailsService details;
	private final LoginThrottle logins;
	private final DataScope scope;
	private final AuditLog audit;
	private final JdbcClient jdbc;

	Accounts(AccountRepository accounts, OrgUnitRepository units, PasswordEncoder passwords, AccountDetailsService details, LoginThrottle logins,
			DataScope scope, AuditLog audit, JdbcClient jdbc) {
		this.accounts = accounts;
		this.units = units;
		this.passwords = passwords;
		this.details = details;
		this.logins = logins;
		this.scope = scope;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * Runs {@code work} as the named account, with its scope and roles, outside any request (demo data, jobs).
	 * The previous security context is restored afterwards.
	 */
	public <T> T callAs(String username, Supplier<T> work) {
		UserDetails principal = details.loadUserByUsername(username);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * Creates an account rooted at {@code orgUnitId}.
	 *
	 * @throws UserFacingException when the username is taken or the unit unknown
	 */
	@Transactional
	public void create(String username, String rawPassword, String displayName, long orgUnitId, Set<Role> roles) {
		if (accounts.findByUsername(username).isPresent()) {
			throw UserFacingException.conflict("duplicate_username", "error.account.duplicate", username);
		}
		if (!units.existsById(orgUnitId)) {
			throw UserFacingException.notFound("error.org.not-found");
		}
		accounts.save(Account.create(username, passwords.encode(rawPassword), displayName, orgUnitId, roles));
	}

	/**
	 * Lifts every login block of an account — from every address, and the ceiling across addresses — for a security
	 * administrator (安全管理员) only, whatever URL rules lead here; audited.
	 *
	 * @throws UserFacingException 403 for anyone else, 404 when no account has that username
	 */
	@Transactional
	public void unlock(String username) {
		if (!scope.user().has(Role.SECURITY)) {
			audit.record("DENIED", "account", username, null, "unlock by a non-security administrator");
			throw UserFacingException.forbidden("error.account.security-only");
		}
		if (jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = :u").param("u", username).update() == 0) {
			throw UserFacingException.notFound("error.account.not-found", username);
		}
		logins.unlock(username);
		audit.record("ACCOUNT_UNLOCKED", "account", username, null, null);
	}

	public boolean isEmpty() {
		return accounts.count() == 0;
	}
}
