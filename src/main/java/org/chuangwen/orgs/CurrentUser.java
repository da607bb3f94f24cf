package org.chuangwen.orgs;

import java.util.Set;

/** The authenticated caller: who, with which roles, rooted where in the org tree. */
public record CurrentUser(String username, String displayName, Set<Role> roles, long orgUnitId, String orgPath) {

	public CurrentUser {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean admin() {
		return has(Role.ADMIN);
	}

	public boolean canWrite() {
		return roles.stream().anyMatch(Role::writes);
	}
}
