package org.chuangwen.orgs;

import java.util.Set;

/** An account to open: who, where in the org tree, with which roles and initial password. */
record NewAccount(String username, String displayName, Long orgUnitId, Set<Role> roles, String password) {}
