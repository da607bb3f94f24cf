package org.chuangwen.orgs;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.UserFacingException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts, their passwords and roles. Passwords are stored only as hashes and every one set passes the
 * {@link PasswordPolicy}. 三权分立: the system administrator opens accounts with business roles, only the security
 * administrator grants and revokes roles, and no account holds two administrator roles (nor one with a business
 * role) — checked here and, for the administrator roles, by the database. The security administrator also
 * lifts login blocks.
 */
@Service
public class Accounts {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");
	private static final int DISPLAY_NAME_LIMIT = 100;
	// Deliberately loose: one @, no spaces, a dot in the domain; the mail server has the last word.
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final AccountRepository accounts;
	private final OrgUnitRepository units;
	private final PasswordEncoder passwords;
	private final AccountDetailsService details;
	private final PasswordPolicy policy;
	private final PasswordHistory history;
	private final LoginThrottle logins;
	private final DataScope scope;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final PersonalData personalData;

	Accounts(AccountRepository accounts, OrgUnitRepository units, PasswordEncoder passwords, AccountDetailsService details,
			PasswordPolicy policy, PasswordHistory history, LoginThrottle logins, DataScope scope, AuditLog audit, JdbcClient jdbc,
			Clock clock, PersonalData personalData) {
		this.personalData = personalData;
		this.accounts = accounts;
		this.units = units;
		this.passwords = passwords;
		this.details = details;
		this.policy = policy;
		this.history = history;
		this.logins = logins;
		this.scope = scope;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Runs {@code work} as the named account, with its scope and roles, outside any request (demo data, jobs).
	 * The previous security context is restored afterwards.
	 */
	public <T> T callAs(String username, Supplier<T> work) {
		UserDetails principal = details.loadUserByUsername(username);
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * Creates an account rooted at {@code orgUnitId} for start-up code (the demo data, the first administrator from
	 * configuration): the password passes the policy and need not be changed at the first login.
	 *
	 * @throws UserFacingException when the username is taken or invalid, the unit unknown, the roles conflict or the
	 *     password is refused by the policy ({@code weak_password}, naming the rule)
	 */
	@Transactional
	public void create(String username, String rawPassword, String displayName, long orgUnitId, Set<Role> roles) {
		open(new NewAccount(username, displayName, orgUnitId, roles, rawPassword), false);
	}

	/**
	 * Creates one of the first administrators from configuration; the password passes the policy.
	 *
	 * @throws UserFacingException as {@link #create}
	 */
	@Transactional
	void createFirst(String username, String rawPassword, String displayName, long orgUnitId, Role role, boolean mustChangePassword) {
		open(new NewAccount(username, displayName, orgUnitId, Set.of(role), rawPassword), mustChangePassword);
	}

	/** Whether any account holds {@code role}. */
	boolean anyHolds(Role role) {
		return accounts.countHolders(role.name()) > 0;
	}

	/**
	 * Opens an account on behalf of the system administrator, in the caller's subtree and with business roles
	 * only. The account must change its password at its first login.
	 *
	 * @throws UserFacingException 403 unless the caller is the system administrator or when an administrator role
	 *     is asked for; 400 {@code conflicting_roles}, {@code weak_password} or invalid fields; 404 for a unit
	 *     outside the caller's subtree; 409 for a taken username
	 */
	@Transactional
	AccountView register(NewAccount account) {
		CurrentUser me = scope.user();
		if (!me.admin()) {
			audit.record("DENIED", "account", account.username(), null, "account creation by " + me.roles());
			throw UserFacingException.forbidden("error.scope.admin-only");
		}
		Set<Role> roles = roles(account.roles());
		if (roles.stream().anyMatch(Role::administrator)) {
			audit.record("DENIED", "account", account.username(), null, "administrator role asked for: " + roles);
			throw UserFacingException.forbidden("error.account.business-roles-only");
		}
		if (account.orgUnitId() == null) {
			throw UserFacingException.badRequest("invalid_account", "error.account.unit");
		}
		scope.readable(account.orgUnitId());
		Account saved = open(account, true);
		audit.record("ACCOUNT_CREATED", "account", saved.username(), saved.orgUnitId(), "roles " + saved.roleSet());
		return AccountView.of(saved);
	}

	/**
	 * The accounts in the caller's subtree, by username, for the system and security administrators.
	 *
	 * @throws UserFacingException 403 for any other caller
	 */
	@Transactional(readOnly = true)
	List<AccountView> list() {
		CurrentUser me = scope.user();
		if (!me.admin() && !me.security()) {
			audit.record("DENIED", "account", null, null, "account list by " + me.roles());
			throw UserFacingException.forbidden("error.scope.forbidden");
		}
		Map<Long, String> paths = new HashMap<>();
		units.findByPathStartingWithOrderByPathAscSortAsc(me.orgPath()).forEach(u -> paths.put(u.id(), u.path()));
		return accounts.findAll().stream()
				.filter(a -> paths.containsKey(a.orgUnitId()))
				.sorted(Comparator.comparing(Account::username))
				.map(AccountView::of)
				.toList();
	}

	/**
	 * Replaces the roles of an account in the caller's subtree; only the security administrator may, and not for
	 * their own account. Audited with the roles before and after.
	 *
	 * @throws UserFacingException 403 for any other caller or their own account, 404 for an unknown account or one
	 *     outside the subtree, 400 {@code conflicting_roles} or {@code invalid_roles}
	 */
	@Transactional
	AccountView changeRoles(String username, Set<Role> requested) {
		CurrentUser me = requireSecurity(username, "role change");
		Set<Role> roles = roles(requested);
		Account account = managed(username);
		if (account.username().equals(me.username())) {
			audit.record("DENIED", "account", username, account.orgUnitId(), "own roles");
			throw UserFacingException.forbidden("error.account.own-roles");
		}
		Set<Role> before = account.roleSet();
		Account saved = accounts.save(account.withRoles(roles));
		audit.record("ROLES_CHANGED", "account", username, account.orgUnitId(), before + " -> " + saved.roleSet());
		return AccountView.of(saved);
	}

	/**
	 * Sets a new password for an account in the caller's subtree on behalf of the security administrator; the
	 * account must change it at its next login.
	 *
	 * @throws UserFacingException as {@link #changeRoles}, and 400 {@code weak_password}
	 */
	@Transactional
	void resetPassword(String username, String rawPassword) {
		requireSecurity(username, "password reset");
		Account account = managed(username);
		setPassword(account, rawPassword, true);
		audit.record("PASSWORD_RESET", "account", username, account.orgUnitId(), null);
	}

	/**
	 * Changes the caller's own password.
	 *
	 * @throws UserFacingException 400 {@code wrong_password} when {@code oldPassword} is not the current one,
	 *     400 {@code weak_password} naming the rule the new one breaks
	 */
	@Transactional
	void changePassword(String oldPassword, String newPassword) {
		CurrentUser me = scope.user();
		Account account = accounts.findByUsername(me.username()).orElseThrow(() -> UserFacingException.forbidden("error.scope.anonymous"));
		if (oldPassword == null || !passwords.matches(oldPassword, account.passwordHash())) {
			audit.record("PASSWORD_CHANGE_FAILED", "account", me.username(), account.orgUnitId(), "wrong old password");
			throw UserFacingException.badRequest("wrong_password", "error.password.wrong");
		}
		try {
			setPassword(account, newPassword, false);
		} catch (UserFacingException e) {
			audit.record("PASSWORD_CHANGE_FAILED", "account", me.username(), account.orgUnitId(), e.messageKey());
			throw e;
		}
		audit.record("PASSWORD_CHANGED", "account", me.username(), account.orgUnitId(), null);
	}

	/** The password policy in force. */
	PasswordRules passwordRules() {
		return policy.rules();
	}

	/**
	 * Lifts every login block of an account — from every address, and the ceiling across addresses — for a security
	 * administrator (安全管理员) only, whatever URL rules lead here; audited.
	 *
	 * @throws UserFacingException 403 for anyone else, 404 when no account has that username
	 */
	@Transactional
	void unlock(String username) {
		if (!scope.user().has(Role.SECURITY)) {
			audit.record("DENIED", "account", username, null, "unlock by a non-security administrator");
			throw UserFacingException.forbidden("error.account.security-only");
		}
		if (jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = :u").param("u", username).update() == 0) {
			throw UserFacingException.notFound("error.account.not-found", username);
		}
		logins.unlock(username);
		audit.record("ACCOUNT_UNLOCKED", "account", username, null, null);
	}

	/** An enabled account by username, as other modules may see it. */
	@Transactional(readOnly = true)
	public Optional<Staff> staff(String username) {
		if (username == null) {
			return Optional.empty();
		}
		return accounts.findByUsername(username).filter(Account::enabled).map(this::staff);
	}

	/** The enabled accounts rooted exactly at a unit (not below it), by username. */
	@Transactional(readOnly = true)
	public List<Staff> staffAt(long orgUnitId) {
		return accounts.findByOrgUnitId(orgUnitId).stream().filter(Account::enabled).sorted(Comparator.comparing(Account::username)).map(this::staff).toList();
	}

	private Staff staff(Account account) {
		String email = jdbc.sql("select email from account_email where username = :u").param("u", account.username()).query(String.class).optional()
				.map(personalData::decrypt).orElse(null);
		return new Staff(account.username(), account.displayName(), account.orgUnitId(), account.roleSet(), email);
	}

	/**
	 * Sets (or, with a blank address, removes) the caller's own e-mail address, where reminders are mailed; audited.
	 *
	 * @throws UserFacingException 400 {@code invalid_email}
	 */
	@Transactional
	void changeEmail(String email) {
		CurrentUser me = scope.user();
		String address = email == null ? "" : email.strip();
		if (!address.isEmpty() && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
			throw UserFacingException.badRequest("invalid_email", "error.account.email");
		}
		jdbc.sql("delete from account_email where username = :u").param("u", me.username()).update();
		if (!address.isEmpty()) {
			jdbc.sql("insert into account_email (username, email) values (:u, :e)").param("u", me.username()).param("e", personalData.encrypt(address)).update();
		}
		audit.record("EMAIL_CHANGED", "account", me.username(), me.orgUnitId(), address.isEmpty() ? "removed" : "set");
	}

	boolean isEmpty() {
		return accounts.count() == 0;
	}

	private Account open(NewAccount account, boolean mustChangePassword) {
		String username = account.username() == null ? "" : account.username().strip();
		if (!USERNAME.matcher(username).matches()) {
			throw UserFacingException.badRequest("invalid_account", "error.account.username");
		}
		String displayName = account.displayName() == null ? "" : account.displayName().strip();
		if (displayName.isEmpty() || displayName.length() > DISPLAY_NAME_LIMIT) {
			throw UserFacingException.badRequest("invalid_account", "error.account.display-name", DISPLAY_NAME_LIMIT);
		}
		Set<Role> roles = roles(account.roles());
		if (accounts.findByUsername(username).isPresent()) {
			throw UserFacingException.conflict("duplicate_username", "error.account.duplicate", username);
		}
		if (account.orgUnitId() == null || !units.existsById(account.orgUnitId())) {
			throw UserFacingException.notFound("error.org.not-found");
		}
		policy.check(username, account.password(), List.of());
		Instant now = Instant.now(clock);
		String hash = passwords.encode(account.password());
		Account saved = accounts.save(Account.create(username, hash, displayName, account.orgUnitId(), roles, now, mustChangePassword));
		history.add(saved.id(), hash, now, policy.history());
		return saved;
	}

	private void setPassword(Account account, String rawPassword, boolean mustChangePassword) {
		policy.check(account.username(), rawPassword, history.recent(account.id(), policy.history()));
		Instant now = Instant.now(clock);
		String hash = passwords.encode(rawPassword);
		Account changed = account.withPassword(hash, now);
		if (mustChangePassword) {
			changed = changed.withPasswordReset();
		}
		accounts.save(changed);
		history.add(account.id(), hash, now, policy.history());
	}

	private CurrentUser requireSecurity(String username, String what) {
		CurrentUser me = scope.user();
		if (!me.security()) {
			audit.record("DENIED", "account", username, null, what + " by " + me.roles());
			throw UserFacingException.forbidden("error.account.security-only");
		}
		return me;
	}

	/** An account in the caller's subtree; others answer 404 like any record out of scope. */
	private Account managed(String username) {
		Account account = username == null ? null : accounts.findByUsername(username).orElse(null);
		OrgUnit unit = account == null ? null : units.findById(account.orgUnitId()).orElse(null);
		scope.checkRead(unit == null ? null : unit.path(), unit == null ? null : unit.id(), "account", username);
		return account;
	}

	/**
	 * The roles of one account, kept apart as 三权分立 asks: at least one, and an administrator role only on its
	 * own (never two of them, never with a business role).
	 */
	private static Set<Role> roles(Set<Role> requested) {
		if (requested == null || requested.isEmpty() || requested.stream().anyMatch(java.util.Objects::isNull)) {
			throw UserFacingException.badRequest("invalid_roles", "error.account.roles");
		}
		Set<Role> roles = EnumSet.copyOf(requested);
		if (roles.size() > 1 && roles.stream().anyMatch(Role::administrator)) {
			throw UserFacingException.badRequest("conflicting_roles", "error.account.conflicting-roles");
		}
		return roles;
	}
}
