package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.chuangwen.Api;
import org.chuangwen.FromAddress;
import org.chuangwen.IntegrationTest;
import org.chuangwen.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Login throttling as an attacker meets it: it must not lock a worker out for a stranger, must not tell which
 * usernames exist, and must stop password spraying. Each test speaks from addresses (127.0.2x.y) of its own.
 */
@IntegrationTest
class LoginAbuseTests {

	static final String NEUTRAL = "用户名或密码错误,或尝试次数过多,请稍后再试";
	private static final String SECRET = "Right-Pass-2026";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	long unit;

	@BeforeEach
	void aUnit() {
		unit = new Api(port).get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
	}

	@AfterEach
	void backToNow() {
		TestClock.reset();
	}

	@Test
	void aStrangerCannotLockAWorkerOut() {
		accounts.create("mubiao", SECRET, "被攻击的社区工作者", unit, Set.of(Role.WORKER));
		FromAddress stranger = new FromAddress("127.0.20.1", port);
		for (int i = 0; i < 5; i++) {
			assertThat(stranger.get("/api/v1/me", "mubiao", "guess" + i).status()).isEqualTo(401);
			TestClock.advance(Duration.ofSeconds(20));
		}
		assertThat(stranger.get("/api/v1/me", "mubiao", SECRET).status()).as("the stranger's address is blocked").isEqualTo(401);
		assertThat(new FromAddress("127.0.20.2", port).get("/api/v1/me", "mubiao", SECRET).status()).as("the worker, elsewhere").isEqualTo(200);
		assertThat(formLogin(new FromAddress("127.0.20.3", port), "mubiao", SECRET).header("Location")).doesNotContain("/login");
	}

	@Test
	void unknownAndKnownUsernamesAnswerAlike() {
		accounts.create("cunzai", SECRET, "存在的账号", unit, Set.of(Role.WORKER));
		FromAddress prober = new FromAddress("127.0.20.11", port);
		for (int i = 0; i <= 6; i++) {
			FromAddress.Answer known = prober.get("/api/v1/me", "cunzai", "guess" + i);
			FromAddress.Answer unknown = prober.get("/api/v1/me", "bucunzai", "guess" + i);
			assertThat(unknown.status()).as("attempt " + i).isEqualTo(known.status()).isEqualTo(401);
			assertThat(unknown.body()).as("attempt " + i).isEqualTo(known.body()).contains(NEUTRAL);
			assertThat(unknown.header("WWW-Authenticate")).isEqualTo(known.header("WWW-Authenticate"));
			TestClock.advance(Duration.ofSeconds(20));
		}
		FromAddress.Answer known = prober.get("/api/v1/me", "cunzai", SECRET);
		FromAddress.Answer unknown = prober.get("/api/v1/me", "bucunzai", SECRET);
		assertThat(known.status()).as("blocked from this address").isEqualTo(401);
		assertThat(unknown.body()).isEqualTo(known.body());

		FromAddress page = new FromAddress("127.0.20.12", port);
		for (int i = 0; i <= 6; i++) {
			assertThat(formLogin(page, "cunzai", "guess" + i).header("Location")).endsWith("/login?error");
			assertThat(formLogin(page, "bucunzai", "guess" + i).header("Location")).endsWith("/login?error");
			TestClock.advance(Duration.ofSeconds(20));
		}
		assertThat(formLogin(page, "cunzai", SECRET).header("Location")).endsWith("/login?error");
		String message = page.get("/login?error").body();
		assertThat(message).contains(NEUTRAL).doesNotContain("锁定");
		assertThat(audits("cunzai", "LOGIN_FAILED")).isEqualTo(audits("bucunzai", "LOGIN_FAILED")).isEqualTo(10);
	}

	@Test
	void passwordSprayingFromOneAddressIsStopped() {
		FromAddress sprayer = new FromAddress("127.0.20.21", port);
		int answered = 0;
		for (int i = 0; i < 40; i++) {
			sprayer.get("/api/v1/me", "spray" + i, "123456");
			answered++;
		}
		assertThat(sprayer.get("/api/v1/me", "shequ2", Api.PASSWORD).status()).as("every login from the address waits").isEqualTo(401);
		assertThat(new FromAddress("127.0.20.22", port).get("/api/v1/me", "shequ2", Api.PASSWORD).status()).isEqualTo(200);
		assertThat(failuresFrom("127.0.20.21")).as("failures checked before the address was blocked").isEqualTo(30);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'LOGIN_THROTTLED' and address = '127.0.20.21'").query(Long.class).single())
				.as("audited once").isEqualTo(1);
		assertThat(answered).isEqualTo(40);

		TestClock.advance(Duration.ofMinutes(16));
		assertThat(sprayer.get("/api/v1/me", "shequ2", Api.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void manyAddressesAgainstOneAccountRaiseAnAlertAndWaitExceptWhereItLoggedInBefore() {
		accounts.create("huoyue", SECRET, "常被猜的账号", unit, Set.of(Role.WORKER));
		FromAddress office = new FromAddress("127.0.21.250", port);
		assertThat(office.get("/api/v1/me", "huoyue", SECRET).status()).isEqualTo(200);
		for (int a = 1; a <= 20; a++) {
			FromAddress bot = new FromAddress("127.0.21." + a, port);
			for (int i = 0; i < 5; i++) {
				bot.get("/api/v1/me", "huoyue", "guess" + i);
				TestClock.advance(Duration.ofSeconds(16));
			}
		}
		assertThat(audits("huoyue", "LOGIN_ALERT")).isEqualTo(1);
		assertThat(new FromAddress("127.0.21.251", port).get("/api/v1/me", "huoyue", SECRET).status()).as("a new address waits").isEqualTo(401);
		assertThat(office.get("/api/v1/me", "huoyue", SECRET).status()).as("where the worker logged in before").isEqualTo(200);
	}

	@Test
	void securityAdministratorsUnlock() {
		accounts.create("jiesuo", SECRET, "待解锁", unit, Set.of(Role.WORKER));
		accounts.create("anquan-t", SECRET, "安全管理员", unit, Set.of(Role.SECURITY));
		FromAddress there = new FromAddress("127.0.20.31", port);
		for (int i = 0; i < 5; i++) {
			there.get("/api/v1/me", "jiesuo", "guess" + i);
			TestClock.advance(Duration.ofSeconds(20));
		}
		assertThat(there.get("/api/v1/me", "jiesuo", SECRET).status()).isEqualTo(401);

		Api api = new Api(port);
		assertThat(api.postJson("shequ1", "/api/v1/accounts/jiesuo/unlock", "").status()).isEqualTo(403);
		assertThat(api.postJson("admin", "/api/v1/accounts/jiesuo/unlock", "").status()).as("系统管理员 is not 安全管理员").isEqualTo(403);
		Api.Response unknown = api.postJson("anquan-t:" + SECRET, "/api/v1/accounts/nobody/unlock", "");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("error").asString()).isEqualTo("not_found");
		assertThat(api.postJson("anquan-t:" + SECRET, "/api/v1/accounts/jiesuo/unlock", "").status()).isEqualTo(204);
		assertThat(there.get("/api/v1/me", "jiesuo", SECRET).status()).isEqualTo(200);
		assertThat(audits("anquan-t", "ACCOUNT_UNLOCKED")).isEqualTo(1);
		assertThat(audits("admin", "DENIED")).isGreaterThanOrEqualTo(1);
	}

	private FromAddress.Answer formLogin(FromAddress device, String username, String password) {
		return device.otherDevice().postForm("/login", "/login", Map.of("username", username, "password", password));
	}

	private long failuresFrom(String address) {
		return jdbc.sql("select count(*) from audit_event where action = 'LOGIN_FAILED' and address = :a").param("a", address).query(Long.class).single();
	}

	private long audits(String actor, String action) {
		return jdbc.sql("select count(*) from audit_event where actor = :actor and action = :action")
				.param("actor", actor).param("action", action).query(Long.class).single();
	}
}
