package org.chuangwen.orgs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first security administrator and audit administrator (三权分立), created at start-up when no account holds
 * the role yet and a password is configured ({@code chuangwen.accounts.security.*},
 * {@code chuangwen.accounts.auditor.*}); {@code orgName} is ignored, they sit at the root unit.
 */
@ConfigurationProperties("chuangwen.accounts")
record AdministratorProperties(AccountProperties.Admin security, AccountProperties.Admin auditor) {

	AdministratorProperties {
		if (security == null) {
			security = new AccountProperties.Admin(null, null, null);
		}
		if (auditor == null) {
			auditor = new AccountProperties.Admin(null, null, null);
		}
	}
}
