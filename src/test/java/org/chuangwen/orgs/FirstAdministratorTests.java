package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chuangwen.Api;
import org.chuangwen.Chuangwen;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Production starts without demo data and without a default password: the first administrator comes from configuration. */
@Tag("db")
class FirstAdministratorTests {

	@Test
	void createsTheConfiguredAdministratorAndNoDemoAccounts() {
		try (ConfigurableApplicationContext app = start("--chuangwen.accounts.admin.username=chief",
				"--chuangwen.accounts.admin.password=s3cret-from-config", "--chuangwen.accounts.admin.org-name=长春市")) {
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			Api.Response me = api.get("chief:s3cret-from-config", "/api/v1/me");
			assertThat(me.status()).isEqualTo(200);
			assertThat(me.json().get("roles").get(0).asString()).isEqualTo("ADMIN");
			assertThat(api.get("chief:s3cret-from-config", "/api/v1/org-units").json()).singleElement()
					.satisfies(u -> assertThat(u.get("name").asString()).isEqualTo("长春市"));
			assertThat(api.get("admin", "/api/v1/me").status()).isEqualTo(401);
			assertThat(api.get("shequ1", "/api/v1/me").status()).isEqualTo(401);
			assertThat(api.get("chief:s3cret-from-config", "/api/v1/indicators").json()).hasSize(22);
		}
	}

	@Test
	void createsTheFirstSecurityAndAuditAdministratorsWhoMustChooseTheirOwnPasswords() {
		try (ConfigurableApplicationContext app = start("--chuangwen.accounts.admin.password=Root-from-config1",
				"--chuangwen.accounts.security.password=Security-initial1", "--chuangwen.accounts.auditor.username=audit1",
				"--chuangwen.accounts.auditor.password=Auditor-initial1")) {
			Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
			assertThat(api.get("admin:Root-from-config1", "/api/v1/me").status()).isEqualTo(200);
			for (String user : new String[] {"anquan:Security-initial1", "audit1:Auditor-initial1"}) {
				Api.Response held = api.get(user, "/api/v1/me");
				assertThat(held.status()).as(user).isEqualTo(403);
				assertThat(held.json().get("error").asString()).isEqualTo("password_change_required");
			}
			assertThat(api.postJson("anquan:Security-initial1", "/api/v1/me/password",
					"{\"oldPassword\":\"Security-initial1\",\"newPassword\":\"Security-chosen2\"}").status()).isEqualTo(204);
			Api.Response me = api.get("anquan:Security-chosen2", "/api/v1/me");
			assertThat(me.json().get("roles").get(0).asString()).isEqualTo("SECURITY");
		}
	}

	@Test
	void refusesToStartWithAWeakConfiguredPasswordAndNamesTheRule() {
		assertThatThrownBy(() -> start("--chuangwen.accounts.admin.password=1").close())
				.hasStackTraceContaining("chuangwen.accounts.admin")
				.hasStackTraceContaining("密码太短:至少需要 8 个字符。");
		assertThatThrownBy(() -> start("--chuangwen.accounts.admin.password=password123").close())
				.hasStackTraceContaining("密码太简单:须包含大写字母、小写字母、数字、其他符号四类中的至少 3 类。");
		assertThatThrownBy(() -> start("--chuangwen.accounts.admin.username=chief", "--chuangwen.accounts.admin.password=Chief-2026!").close())
				.hasStackTraceContaining("密码不能包含用户名。");
		assertThatThrownBy(() -> start("--chuangwen.accounts.admin.password=Root-from-config1", "--chuangwen.accounts.auditor.password=weak").close())
				.hasStackTraceContaining("chuangwen.accounts.auditor")
				.hasStackTraceContaining("密码太短:至少需要 8 个字符。");
	}

	@Test
	void refusesToStartWithoutAConfiguredPassword() {
		assertThatThrownBy(() -> start().close())
				.hasStackTraceContaining("No accounts exist and no first administrator is configured");
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--chuangwen.demo.enabled=false";
		System.arraycopy(args, 0, all, 2, args.length);
		return new SpringApplicationBuilder(Chuangwen.class).run(all);
	}
}
