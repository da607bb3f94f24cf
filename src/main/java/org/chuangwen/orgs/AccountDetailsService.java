package org.chuangwen.orgs;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.chuangwen.audit.AuditLog;

/**
 * Loads accounts for login and keeps the lockout: after {@code maxFailedAttempts} wrong passwords in a row the
 * account is locked for {@code lockFor}; a successful login resets the count.
 */
@Component
class AccountDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AccountProperties properties;
	private final AuditLog audit;
	private final PasswordPolicy policy;

	AccountDetailsService(JdbcClient jdbc, Clock clock, AccountProperties properties, AuditLog audit, PasswordPolicy policy) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.audit = audit;
		this.policy = policy;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		record Row(long id, String displayName, String hash, long unitId, String path, Instant lockedUntil, boolean enabled,
				Instant passwordChangedAt, boolean mustChangePassword) {}
		Row row = jdbc.sql("""
				select a.id, a.display_name, a.password_hash, a.org_unit_id, u.path, a.locked_until, a.enabled,
				       a.password_changed_at, a.must_change_password
				from app_user a join org_unit u on u.id = a.org_unit_id where a.username = :username""")
				.param("username", username)
				.query((rs, n) -> new Row(
						rs.getLong(1),
						rs.getString(2),
						rs.getString(3),
						rs.getLong(4),
						rs.getString(5),
						rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
						rs.getBoolean(7),
						rs.getTimestamp(8).toInstant(),
						rs.getBoolean(9)))
				.optional()
				.orElseThrow(() -> new UsernameNotFoundException(username));
		Set<Role> roles = EnumSet.noneOf(Role.class);
		jdbc.sql("select role from app_user_role where app_user = :id")
				.param("id", row.id())
				.query(String.class)
				.list()
				.forEach(r -> roles.add(Role.valueOf(r)));
		CurrentUser user = new CurrentUser(username, row.displayName(), roles, row.unitId(), row.path());
		PasswordState password = row.mustChangePassword()
				? PasswordState.MUST_CHANGE
				: policy.expired(row.passwordChangedAt()) ? PasswordState.EXPIRED : PasswordState.CURRENT;
		return new AccountPrincipal(user, row.hash(), row.lockedUntil(), row.enabled(), Instant.now(clock), password);
	}

	@EventListener
	@Transactional
	void on(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		int failed = jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where username = :u")
				.param("u", username)
				.update();
		if (failed == 0) {
			return;
		}
		Integer attempts = jdbc.sql("select failed_attempts from app_user where username = :u")
				.param("u", username)
				.query(Integer.class)
				.single();
		if (attempts >= properties.maxFailedAttempts()) {
			Instant until = Instant.now(clock).plus(properties.lockFor());
			jdbc.sql("update app_user set failed_attempts = 0, locked_until = :until where username = :u")
					.param("until", java.sql.Timestamp.from(until))
					.param("u", username)
					.update();
			audit.recordAs(username, "ACCOUNT_LOCKED", "account", username, null, "locked until " + until);
		}
	}

	@EventListener
	@Transactional
	void on(AuthenticationSuccessEvent event) {
		jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = :u and (failed_attempts > 0 or locked_until is not null)")
				.param("u", event.getAuthentication().getName())
				.update();
	}
}
