package org.chuangwen.orgs;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads accounts for login. Failed attempts are counted and throttled by {@link LoginThrottle}, per account and
 * address, not on the account row: a lock on the row would let anyone lock any known account.
 */
@Component
class AccountDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final PasswordPolicy policy;

	AccountDetailsService(JdbcClient jdbc, Clock clock, PasswordPolicy policy) {
		this.jdbc = jdbc;
		this.clock = clock;
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
}
