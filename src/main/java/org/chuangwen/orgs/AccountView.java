package org.chuangwen.orgs;

import java.util.Set;

/** An account as its administrators see it (never its password). */
record AccountView(String username, String displayName, long orgUnitId, Set<Role> roles, boolean mustChangePassword) {

	static AccountView of(Account account) {
		return new AccountView(account.username(), account.displayName(), account.orgUnitId(), account.roleSet(), account.mustChangePassword());
	}
}
