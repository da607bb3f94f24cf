package org.chuangwen.orgs;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A login account, bound to one org unit whose subtree is its data scope. {@code mustChangePassword} is set for
 * a new account and after a reset; the password's age counts from {@code passwordChangedAt}.
 */
@Table("app_user")
record Account(
		@Id Long id,
		String username,
		String passwordHash,
		String displayName,
		Long orgUnitId,
		int failedAttempts,
		Instant lockedUntil,
		boolean enabled,
		Instant passwordChangedAt,
		boolean mustChangePassword,
		@MappedCollection(idColumn = "app_user") Set<RoleGrant> roles) {

	static Account create(String username, String passwordHash, String displayName, long orgUnitId, Set<Role> roles,
			Instant now, boolean mustChangePassword) {
		return new Account(null, username, passwordHash, displayName, orgUnitId, 0, null, true, now, mustChangePassword, grants(roles));
	}

	Set<Role> roleSet() {
		Set<Role> set = EnumSet.noneOf(Role.class);
		roles.forEach(grant -> set.add(grant.role()));
		return set;
	}

	Account withRoles(Set<Role> roles) {
		return new Account(id, username, passwordHash, displayName, orgUnitId, failedAttempts, lockedUntil, enabled,
				passwordChangedAt, mustChangePassword, grants(roles));
	}

	/** The password the account chose itself: no longer must be changed, and its age starts now. */
	Account withPassword(String passwordHash, Instant now) {
		return new Account(id, username, passwordHash, displayName, orgUnitId, failedAttempts, lockedUntil, enabled, now, false, roles);
	}

	/** After a reset by the security administrator: the next login must choose a new password. */
	Account withPasswordReset() {
		return new Account(id, username, passwordHash, displayName, orgUnitId, failedAttempts, lockedUntil, enabled,
				passwordChangedAt, true, roles);
	}

	private static Set<RoleGrant> grants(Set<Role> roles) {
		return roles.stream().map(RoleGrant::of).collect(Collectors.toSet());
	}

	/**
	 * One granted role. {@code duty} is the same for the three administrator roles and null otherwise: the table's
	 * unique (account, duty) constraint keeps any account from holding two of them.
	 */
	@Table("app_user_role")
	record RoleGrant(Role role, String duty) {

		static final String ADMINISTRATOR = "ADMINISTRATOR";

		static RoleGrant of(Role role) {
			return new RoleGrant(role, role.administrator() ? ADMINISTRATOR : null);
		}
	}
}
