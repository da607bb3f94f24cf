package org.chuangwen.orgs;

import java.util.Set;

/**
 * An account as other modules may see it (never its password): who, where, with which roles, and the e-mail address
 * its owner gave, null when none.
 */
public record Staff(String username, String displayName, long orgUnitId, Set<Role> roles, String email) {

	public Staff {
		roles = Set.copyOf(roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}
}
