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
 * On a database without accounts (production's first start), creates the system administrator named in
 * configuration. There is no default password: without one configured, or with one the password policy refuses,
 * the platform refuses to start and says which rule was broken.
 * <p>
 * 三权分立 needs a security administrator (only they grant roles) and an audit administrator, which the system
 * administrator cannot create: while no account holds one of these roles, it is created from
 * {@code chuangwen.accounts.security.*} / {@code chuangwen.accounts.auditor.*} when a password is configured there,
 * and must change that password at its first login, so that the person who configured it does not know the one in use.
 * Runs after the demo data, which brings its own accounts.
 */
@Component
@Order(100)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Accounts accounts;
	private final Orgs orgs;
	private final AccountProperties properties;
	private final AdministratorProperties administrators;
	private final MessageSource messages;
	private final PasswordPolicy policy;

	FirstAdministrator(Accounts accounts, Orgs orgs, AccountProperties properties, AdministratorProperties administrators,
			MessageSource messages, PasswordPolicy policy) {
		this.accounts = accounts;
		this.orgs = orgs;
		this.properties = properties;
		this.administrators = administrators;
		this.messages = messages;
		this.policy = policy;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.isEmpty()) {
			systemAdministrator();
		}
		separated(Role.SECURITY, administrators.security(), "anquan", "安全管理员", "chuangwen.accounts.security");
		separated(Role.AUDITOR, administrators.auditor(), "shenji", "审计管理员", "chuangwen.accounts.auditor");
	}

	private void systemAdministrator() {
		AccountProperties.Admin admin = properties.admin();
		if (admin.password() == null || admin.password().isBlank()) {
			throw new IllegalStateException(
					"No accounts exist and no first administrator is configured: set chuangwen.accounts.admin.password "
							+ "(and optionally chuangwen.accounts.admin.username, chuangwen.accounts.admin.org-name)");
		}
		String username = usernameOr(admin, "admin");
		String orgName = admin.orgName() == null || admin.orgName().isBlank() ? "本市" : admin.orgName();
		checkPolicy(username, admin.password(), "chuangwen.accounts.admin");
		OrgUnit root = orgs.isEmpty()
				? orgs.create(null, OrgKind.CITY, orgName, 0)
				: orgs.within("/").get(0);
		accounts.create(username, admin.password(), "系统管理员", root.id(), Set.of(Role.ADMIN));
		log.info("Created the first administrator '{}' at unit {}", username, root.name());
	}

	private void separated(Role role, AccountProperties.Admin configured, String defaultName, String displayName, String prefix) {
		if (accounts.anyHolds(role)) {
			return;
		}
		if (configured.password() == null || configured.password().isBlank()) {
			log.warn("No account is {} ({}): set {}.password (and optionally {}.username) to create the first one", role, displayName,
					prefix, prefix);
			return;
		}
		String username = usernameOr(configured, defaultName);
		checkPolicy(username, configured.password(), prefix);
		OrgUnit root = orgs.within("/").get(0);
		accounts.createFirst(username, configured.password(), displayName, root.id(), role, true);
		log.info("Created the first {} '{}' at unit {}; the password must be changed at the first login", role, username, root.name());
	}

	private void checkPolicy(String username, String password, String prefix) {
		try {
			policy.check(username, password, List.of());
		} catch (UserFacingException e) {
			String rule = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.SIMPLIFIED_CHINESE);
			String english = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), Locale.ENGLISH);
			throw new IllegalStateException("The first administrator configured in " + prefix + ".* is refused (" + e.error() + "): "
					+ english + " / " + rule, e);
		}
	}

	private static String usernameOr(AccountProperties.Admin configured, String fallback) {
		return configured.username() == null || configured.username().isBlank() ? fallback : configured.username().strip();
	}
}
