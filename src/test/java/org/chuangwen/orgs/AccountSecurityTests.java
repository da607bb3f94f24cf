package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Login, lockout, CSRF, session timeout and what answers without login. */
@IntegrationTest
class AccountSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	ServletContext servletContext;

	@Test
	void healthAnswersWithoutLoginAndEverythingElseAsksForIt() {
		Api api = new Api(port);
		Api.Response health = api.get(null, "/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		Api.Response anonymous = api.get(null, "/api/v1/me");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("message").asString()).isEqualTo("需要登录:请用 HTTP Basic 提供用户名和密码。");
		Api.Response page = api.get(null, "/readiness");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void passwordsAreStoredOnlyAsHashes() {
		String hash = jdbc.sql("select password_hash from app_user where username = 'shequ1'").query(String.class).single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain(Api.PASSWORD);
		assertThat(passwords.matches(Api.PASSWORD, hash)).isTrue();
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
		long unit = new Api(port).get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
		accounts.create("suoding", "Right-passw0rd", "锁定测试", unit, Set.of(Role.WORKER));
		Api api = new Api(port);
		for (int i = 0; i < 4; i++) {
			assertThat(api.get("suoding:wrong", "/api/v1/me").status()).isEqualTo(401);
		}
		assertThat(api.get("suoding:Right-passw0rd", "/api/v1/me").status()).as("a success resets the count").isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(api.get("suoding:wrong", "/api/v1/me").status()).isEqualTo(401);
		}
		Api.Response locked = api.get("suoding:Right-passw0rd", "/api/v1/me");
		assertThat(locked.status()).isEqualTo(401);
		assertThat(locked.json().get("message").asString()).contains("已锁定 15 分钟");

		Instant until = jdbc.sql("select locked_until from app_user where username = 'suoding'")
				.query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
		assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
		assertThat(audits("suoding", "LOGIN_FAILED")).isEqualTo(10);
		assertThat(audits("suoding", "ACCOUNT_LOCKED")).isEqualTo(1);

		jdbc.sql("update app_user set locked_until = :past where username = 'suoding'")
				.param("past", java.sql.Timestamp.from(Instant.now().minusSeconds(1))).update();
		assertThat(api.get("suoding:Right-passw0rd", "/api/v1/me").status()).as("the lock expires").isEqualTo(200);
	}

	@Test
	void theLoginPageLocksToo() {
		long unit = new Api(port).get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
		accounts.create("yemian", "Right-passw0rd", "页面锁定", unit, Set.of(Role.WORKER));
		for (int i = 0; i < 5; i++) {
			assertThat(formLogin("yemian", "wrong").location()).endsWith("/login?error");
		}
		assertThat(formLogin("yemian", "Right-passw0rd").location()).endsWith("/login?locked");
	}

	@Test
	void formLoginIsAuditedAndPostsNeedTheCsrfToken() {
		long before = audits("jiedao", "LOGIN");
		Session session = Session.login(port, "jiedao", Api.PASSWORD);
		assertThat(audits("jiedao", "LOGIN")).isEqualTo(before + 1);
		assertThat(session.get("/readiness").status()).isEqualTo(200);
		assertThat(session.post("/materials/1/recycle", "").status()).as("no CSRF token").isEqualTo(403);
		assertThat(session.postForm("/logout", "/readiness", "").location()).endsWith("/login?logout");
		assertThat(session.get("/readiness").status()).isEqualTo(302);
	}

	@Test
	void sessionsEndAfterThirtyIdleMinutes() {
		assertThat(servletContext.getSessionTimeout()).isEqualTo(30);
	}

	@Test
	void onlyAdministratorsOpenTheAdminPagesAndDenialsAreAudited() {
		long before = audits("shequ1", "DENIED");
		Session worker = Session.login(port, "shequ1", Api.PASSWORD);
		Session.Page refused = worker.get("/admin/catalog");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("您没有权限进行此操作。");
		assertThat(audits("shequ1", "DENIED")).isEqualTo(before + 1);
		assertThat(Session.login(port, "admin", Api.PASSWORD).get("/admin/catalog").status()).isEqualTo(200);
		assertThat(Session.login(port, "admin", Api.PASSWORD).get("/admin/audit").status()).as("三权分立: not the system administrator").isEqualTo(403);
		assertThat(Session.login(port, "shenji", Api.PASSWORD).get("/admin/audit").status()).as("the audit administrator").isEqualTo(200);
	}

	private Session.Page formLogin(String username, String password) {
		Session anonymous = Session.anonymous(port);
		return anonymous.postForm("/login", "/login", "username=" + username + "&password=" + password);
	}

	private long audits(String actor, String action) {
		return jdbc.sql("select count(*) from audit_event where actor = :actor and action = :action")
				.param("actor", actor)
				.param("action", action)
				.query(Long.class)
				.single();
	}
}
