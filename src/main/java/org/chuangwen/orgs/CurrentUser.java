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

	/** The system administrator (系统管理员). */
	public boolean admin() {
		return has(Role.ADMIN);
	}

	/** The security administrator (安全管理员). */
	public boolean security() {
		return has(Role.SECURITY);
	}

	/** The audit administrator (审计管理员). */
	public boolean auditor() {
		return has(Role.AUDITOR);
	}

	/** One of the three administrators, who write no business data. */
	public boolean administrator() {
		return roles.stream().anyMatch(Role::administrator);
	}

	public boolean canWrite() {
		return roles.stream().anyMatch(Role::writes);
	}
}
