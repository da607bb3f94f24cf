package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.Set;
import org.chuangwen.Api;
import org.chuangwen.FromAddress;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Login, lockout (per account and address), CSRF, session timeout and what answers without login. */
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
	void fiveWrongPasswordsFromOneAddressBlockTheAccountThereForFifteenMinutes() {
		long unit = new Api(port).get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
		accounts.create("suoding", "Right-Pass-2026", "锁定测试", unit, Set.of(Role.WORKER));
		FromAddress there = new FromAddress("127.0.30.1", port);
		for (int i = 0; i < 4; i++) {
			assertThat(there.get("/api/v1/me", "suoding", "wrong").status()).isEqualTo(401);
			TestClock.advance(Duration.ofMinutes(1));
		}
		assertThat(there.get("/api/v1/me", "suoding", "Right-Pass-2026").status()).as("a success resets the count").isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(there.get("/api/v1/me", "suoding", "wrong").status()).isEqualTo(401);
			TestClock.advance(Duration.ofMinutes(1));
		}
		FromAddress.Answer locked = there.get("/api/v1/me", "suoding", "Right-Pass-2026");
		assertThat(locked.status()).isEqualTo(401);
		assertThat(locked.body()).contains("用户名或密码错误,或尝试次数过多,请稍后再试").doesNotContain("锁定");
		assertThat(new FromAddress("127.0.30.2", port).get("/api/v1/me", "suoding", "Right-Pass-2026").status())
				.as("the lock holds for the address the failures came from").isEqualTo(200);
		assertThat(audits("suoding", "LOGIN_FAILED")).isEqualTo(9);
		assertThat(audits("suoding", "ACCOUNT_LOCKED")).isEqualTo(1);

		TestClock.advance(Duration.ofMinutes(13));
		assertThat(there.get("/api/v1/me", "suoding", "Right-Pass-2026").status()).as("14 minutes after the fifth failure").isEqualTo(401);
		TestClock.advance(Duration.ofSeconds(61));
		assertThat(there.get("/api/v1/me", "suoding", "Right-Pass-2026").status()).as("the lock expires").isEqualTo(200);
	}

	@Test
	void theLoginPageLocksToo() {
		long unit = new Api(port).get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
		accounts.create("yemian", "Right-Pass-2026", "页面锁定", unit, Set.of(Role.WORKER));
		FromAddress there = new FromAddress("127.0.30.11", port);
		for (int i = 0; i < 5; i++) {
			assertThat(formLogin(there, "yemian", "wrong").header("Location")).endsWith("/login?error");
			TestClock.advance(Duration.ofMinutes(1));
		}
		assertThat(formLogin(there, "yemian", "Right-Pass-2026").header("Location")).endsWith("/login?error");
		assertThat(formLogin(new FromAddress("127.0.30.12", port), "yemian", "Right-Pass-2026").header("Location")).doesNotContain("/login");
	}

	@AfterEach
	void backToNow() {
		TestClock.reset();
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

	private FromAddress.Answer formLogin(FromAddress device, String username, String password) {
		return device.otherDevice().postForm("/login", "/login", java.util.Map.of("username", username, "password", password));
	}

	private long audits(String actor, String action) {
		return jdbc.sql("select count(*) from audit_event where actor = :actor and action = :action")
				.param("actor", actor)
				.param("action", action)
				.query(Long.class)
				.single();
	}
}
