package org.chuangwen.orgs;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a database without accounts (production's first start), creates the administrator named in
 * configuration. There is no default password: without one configured the platform refuses to start.
 * Runs after the demo data, which brings its own accounts.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Accounts accounts;
	private final Orgs orgs;
	private final AccountProperties properties;

	FirstAdministrator(Accounts accounts, Orgs orgs, AccountProperties properties) {
		this.accounts = accounts;
		this.orgs = orgs;
		this.properties = properties;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!accounts.isEmpty()) {
			return;
		}
		AccountProperties.Admin admin = properties.admin();
		if (admin.password() == null || admin.password().isBlank()) {
			throw new IllegalStateException(
					"No accounts exist and no first administrator is configured: set chuangwen.accounts.admin.password "
							+ "(and optionally chuangwen.accounts.admin.username, chuangwen.accounts.admin.org-name)");
		}
		String username = admin.username() == null || admin.username().isBlank() ? "admin" : admin.username();
		String orgName = admin.orgName() == null || admin.orgName().isBlank() ? "本市" : admin.orgName();
		OrgUnit root = orgs.isEmpty()
				? orgs.create(null, OrgKind.CITY, orgName, 0)
				: orgs.within("/").get(0);
		accounts.create(username, admin.password(), "系统管理员", root.id(), Set.of(Role.ADMIN));
		log.info("Created the first administrator '{}' at unit {}", username, root.name());
	}
}
