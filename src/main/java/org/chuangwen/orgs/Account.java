package org.chuangwen.orgs;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A login account, bound to one org unit whose subtree is its data scope. */
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
		@MappedCollection(idColumn = "app_user") Set<RoleGrant> roles) {

	Account withId(Long id) {
		return new Account(id, username, passwordHash, displayName, orgUnitId, failedAttempts, lockedUntil, enabled, roles);
	}

	static Account create(String username, String passwordHash, String displayName, long orgUnitId, Set<Role> roles) {
		Set<RoleGrant> grants = roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
		return new Account(null, username, passwordHash, displayName, orgUnitId, 0, null, true, grants);
	}

	Set<Role> roleSet() {
		return roles.stream().map(RoleGrant::role).collect(Collectors.toSet());
	}

	@Table("app_user_role")
	record RoleGrant(Role role) {}
}
