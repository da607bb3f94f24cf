package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The password policy on every path a password is set, the forced change of a new, reset or expired password
 * (API and pages), and that the demo accounts are not forced.
 */
@IntegrationTest
class PasswordChangeTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	Api api;
	long community;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		community = api.get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
	}

	@Test
	void aNewAccountMustChangeItsPasswordBeforeAnyApiCall() {
		Api.Response created = createAccount("xinren", "Initial-pass1");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("mustChangePassword").asBoolean()).isTrue();
		assertThat(created.json().get("roles")).extracting(JsonNode::asString).containsExactly("WORKER");

		for (Api.Response held : List.of(api.get("xinren:Initial-pass1", "/api/v1/me"),
				api.get("xinren:Initial-pass1", "/api/v1/materials"),
				api.postJson("xinren:Initial-pass1", "/api/v1/org-units", "{}"))) {
			assertThat(held.status()).isEqualTo(403);
			assertThat(held.json().get("error").asString()).isEqualTo("password_change_required");
			assertThat(held.json().get("message").asString()).contains("须先修改密码", "POST /api/v1/me/password");
		}

		Api.Response wrong = change("xinren:Initial-pass1", "not-the-old", "Chosen-pass2");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("error").asString()).isEqualTo("wrong_password");
		assertThat(wrong.json().get("message").asString()).isEqualTo("原密码不正确。");

		assertWeak(change("xinren:Initial-pass1", "Initial-pass1", "short1A"), "密码太短:至少需要 8 个字符。");
		assertWeak(change("xinren:Initial-pass1", "Initial-pass1", "onlylowercase"), "密码太简单:须包含大写字母、小写字母、数字、其他符号四类中的至少 3 类。");
		assertWeak(change("xinren:Initial-pass1", "Initial-pass1", "My-XinRen-1"), "密码不能包含用户名。");
		assertWeak(change("xinren:Initial-pass1", "Initial-pass1", "Initial-pass1"), "不能使用最近 5 次用过的密码,请换一个新密码。");
		assertThat(api.get("xinren:Initial-pass1", "/api/v1/me").status()).as("refusals change nothing").isEqualTo(403);

		assertThat(change("xinren:Initial-pass1", "Initial-pass1", "Chosen-pass2").status()).isEqualTo(204);
		assertThat(api.get("xinren:Chosen-pass2", "/api/v1/me").status()).isEqualTo(200);
		assertThat(api.get("xinren:Initial-pass1", "/api/v1/me").status()).isEqualTo(401);
		assertThat(audits("xinren", "PASSWORD_CHANGED")).isEqualTo(1);
		assertThat(audits("xinren", "PASSWORD_CHANGE_FAILED")).isEqualTo(5);
	}

	@Test
	void noneOfTheLastFivePasswordsComesBack() {
		createAccount("huanmi", "Pass-word-0");
		List<String> passwords = List.of("Pass-word-0", "Pass-word-1", "Pass-word-2", "Pass-word-3", "Pass-word-4", "Pass-word-5");
		for (int i = 1; i < passwords.size(); i++) {
			assertThat(change("huanmi:" + passwords.get(i - 1), passwords.get(i - 1), passwords.get(i)).status()).isEqualTo(204);
		}
		String current = "huanmi:Pass-word-5";
		for (String recent : passwords.subList(1, 6)) {
			assertWeak(change(current, "Pass-word-5", recent), "不能使用最近 5 次用过的密码,请换一个新密码。");
		}
		assertThat(change(current, "Pass-word-5", "Pass-word-0").status()).as("the sixth one back may return").isEqualTo(204);
		assertThat(jdbc.sql("select count(*) from password_history h join app_user a on a.id = h.app_user where a.username = 'huanmi'")
				.query(Long.class).single()).as("only the last five hashes are kept").isEqualTo(5);
	}

	@Test
	void accountCreationAppliesThePolicyAndStoresNothingWhenRefused() {
		long before = jdbc.sql("select count(*) from app_user").query(Long.class).single();
		assertWeak(createAccount("ruomi", "1"), "密码太短:至少需要 8 个字符。");
		assertWeak(createAccount("ruomi", "Ruomi-2026"), "密码不能包含用户名。");
		assertWeak(createAccount("ruomi", "12345678"), "密码太简单:须包含大写字母、小写字母、数字、其他符号四类中的至少 3 类。");
		assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theSecurityAdministratorResetsAPasswordWhichMustThenBeChanged() {
		accounts.create("chongzhi", "Own-choice-1", "重置测试", community, Set.of(Role.WORKER));
		assertThat(api.get("chongzhi:Own-choice-1", "/api/v1/me").status()).as("created at start-up: not forced").isEqualTo(200);

		assertWeak(api.postJson("anquan", "/api/v1/accounts/chongzhi/password-reset", "{\"password\":\"Own-choice-1\"}"),
				"不能使用最近 5 次用过的密码,请换一个新密码。");
		assertThat(api.postJson("admin", "/api/v1/accounts/chongzhi/password-reset", "{\"password\":\"Reset-by-1\"}").status()).isEqualTo(403);
		assertThat(api.postJson("anquan", "/api/v1/accounts/chongzhi/password-reset", "{\"password\":\"Reset-by-1\"}").status()).isEqualTo(204);
		Api.Response held = api.get("chongzhi:Reset-by-1", "/api/v1/me");
		assertThat(held.status()).isEqualTo(403);
		assertThat(held.json().get("error").asString()).isEqualTo("password_change_required");
		assertThat(change("chongzhi:Reset-by-1", "Reset-by-1", "Own-again-2").status()).isEqualTo(204);
		assertThat(api.get("chongzhi:Own-again-2", "/api/v1/me").status()).isEqualTo(200);
		assertThat(audits("anquan", "PASSWORD_RESET")).isPositive();
	}

	@Test
	void anExpiredPasswordHoldsTheApiAndThePagesUntilItIsChanged() {
		accounts.create("guoqi", "Before-expiry1", "过期测试", community, Set.of(Role.WORKER));
		assertThat(api.get("guoqi:Before-expiry1", "/api/v1/me").status()).isEqualTo(200);
		jdbc.sql("update app_user set password_changed_at = :at where username = 'guoqi'")
				.param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(91))))
				.update();

		Api.Response expired = api.get("guoqi:Before-expiry1", "/api/v1/me");
		assertThat(expired.status()).isEqualTo(403);
		assertThat(expired.json().get("error").asString()).isEqualTo("password_change_required");
		assertThat(expired.json().get("message").asString()).startsWith("密码已过期");

		Session session = Session.login(port, "guoqi", "Before-expiry1");
		assertThat(session.get("/readiness").location()).endsWith("/me/password");
		assertThat(session.get("/me/password").status()).isEqualTo(200);
		assertThat(change("guoqi:Before-expiry1", "Before-expiry1", "After-expiry2").status()).isEqualTo(204);
		assertThat(api.get("guoqi:After-expiry2", "/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void theChangePasswordPageNamesTheBrokenRuleAndEndsTheSession() {
		createAccount("yemianxin", "Given-pass1");
		Session session = Session.login(port, "yemianxin", "Given-pass1");
		for (String page : List.of("/", "/readiness", "/materials", "/activities")) {
			Session.Page held = session.get(page);
			assertThat(held.status()).as(page).isEqualTo(302);
			assertThat(held.location()).as(page).endsWith("/me/password");
		}
		Session.Page form = session.get("/me/password");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("修改密码", "新密码至少 8 个字符,包含大写字母、小写字母、数字、其他符号四类中的至少 3 类");

		Session.Page mismatch = session.postForm("/me/password", "/me/password", form("Given-pass1", "Chosen-pass2", "Chosen-pass3"));
		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.body()).contains("两次输入的新密码不一致。");
		Session.Page weak = session.postForm("/me/password", "/me/password", form("Given-pass1", "abc", "abc"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.body()).contains("密码太短:至少需要 8 个字符。");
		Session.Page wrong = session.postForm("/me/password", "/me/password", form("Not-given-1", "Chosen-pass2", "Chosen-pass2"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("原密码不正确。");

		Session.Page changed = session.postForm("/me/password", "/me/password", form("Given-pass1", "Chosen-pass2", "Chosen-pass2"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(changed.location()).endsWith("/login?changed");
		assertThat(session.get("/readiness").location()).as("the session ended").endsWith("/login");
		assertThat(Session.anonymous(port).get("/login?changed").body()).contains("密码已修改,请用新密码登录。");
		assertThat(Session.login(port, "yemianxin", "Chosen-pass2").get("/readiness").status()).isEqualTo(200);
	}

	@Test
	void demoAccountsAreNotForcedAndEveryPageLinksTheChange() {
		for (String demo : List.of("admin", "anquan", "shenji", "jiedao", "shequ1", "shequ2", "ceping")) {
			assertThat(api.get(demo, "/api/v1/me").status()).as(demo).isEqualTo(200);
		}
		assertThat(Session.login(port, "shequ1", Api.PASSWORD).get("/readiness").body()).contains("href=\"/me/password\"");
	}

	private Api.Response createAccount(String username, String password) {
		return api.postJson("admin", "/api/v1/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"测试" + username
				+ "\",\"orgUnitId\":" + community + ",\"roles\":[\"WORKER\"],\"password\":\"" + password + "\"}");
	}

	private Api.Response change(String user, String oldPassword, String newPassword) {
		return api.postJson(user, "/api/v1/me/password", "{\"oldPassword\":\"" + oldPassword + "\",\"newPassword\":\"" + newPassword + "\"}");
	}

	private static void assertWeak(Api.Response response, String message) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo("weak_password");
		assertThat(response.json().get("message").asString()).isEqualTo(message);
	}

	private static String form(String old, String chosen, String repeat) {
		return "oldPassword=" + old + "&newPassword=" + chosen + "&repeat=" + repeat;
	}

	private long audits(String actor, String action) {
		return jdbc.sql("select count(*) from audit_event where actor = :actor and action = :action")
				.param("actor", actor)
				.param("action", action)
				.query(Long.class)
				.single();
	}
}
