package org.chuangwen.orgs;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.chuangwen.platform.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a database without accounts (production's first start), creates the administrator named in
 * configuration. There is no default password: without one configured, or with one the password policy refuses,
 * the platform refuses to start and says which rule was broken.
 * Runs after the demo data, which brings its own accounts.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Accounts accounts;
	private final Orgs orgs;
	private final AccountProperties properties;
	private final MessageSource messages;
	private final PasswordPolicy policy;

	FirstAdministrator(Accounts accounts, Orgs orgs, AccountProperties properties, MessageSource messages, PasswordPolicy policy) {
		this.policy = policy;
		this.accounts = accounts;
		this.orgs = orgs;
		this.properties = properties;
		this.messages = messages;
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
		try {
			policy.check(username, admin.password(), List.of());
		} catch (UserFacingException e) {
			String rule = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.SIMPLIFIED_CHINESE);
			String english = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.ENGLISH);
			throw new IllegalStateException("The first administrator configured in chuangwen.accounts.admin.* is refused ("
					+ e.error() + "): " + english + " / " + rule, e);
		}
		OrgUnit root = orgs.isEmpty()
				? orgs.create(null, OrgKind.CITY, orgName, 0)
				: orgs.within("/").get(0);
		accounts.create(username, admin.password(), "系统管理员", root.id(), Set.of(Role.ADMIN));
		log.info("Created the first administrator '{}' at unit {}", username, root.name());
	}
}
