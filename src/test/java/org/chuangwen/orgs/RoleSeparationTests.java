package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 三权分立 (等保 2.0): the system administrator ({@code admin}), the security administrator ({@code anquan}) and the
 * audit administrator ({@code shenji}) each do their own duty and nothing else, no account holds two of these roles,
 * and none of them writes business data.
 */
@IntegrationTest
class RoleSeparationTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();
	private static final String CONFLICT = "角色冲突:系统管理员、安全管理员、审计管理员三者互斥(三权分立),一个账号只能担任其中之一,且不能同时拥有业务角色。";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Catalog catalog;

	Api api;
	long community;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		community = api.get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
	}

	@ParameterizedTest(name = "{0}: audit {1}, account {2}, roles {3}, upload {4}, catalog {5}")
	@CsvSource({
		"admin,  403, 201, 403, 403, 302",
		"anquan, 403, 403, 200, 403, 403",
		"shenji, 200, 403, 403, 403, 403",
	})
	void eachAdministratorDoesItsOwnDutyOnly(String user, int audit, int account, int roles, int upload, int catalogWrite) {
		Session session = Session.login(port, user, Api.PASSWORD);
		assertThat(session.get("/admin/audit").status()).as("audit log page").isEqualTo(audit);
		assertThat(api.get(user, "/api/v1/audit/verify").status()).as("audit API").isEqualTo(audit);

		assertThat(createAccount(user, username("m"), "[\"WORKER\"]").status()).as("account creation").isEqualTo(account);

		String target = newAccount();
		Api.Response changed = api.putJson(user, "/api/v1/accounts/" + target + "/roles", "{\"roles\":[\"INSPECTOR\"]}");
		assertThat(changed.status()).as("role change").isEqualTo(roles);
		assertThat(rolesOf(target)).containsExactly(roles == 200 ? "INSPECTOR" : "WORKER");

		long materials = count("material");
		Api.Response filed = api.file(user, meta(), Api.Part.file("记录.docx", DemoFiles.docx("会议记录", "三权分立")));
		assertThat(filed.status()).as("material upload").isEqualTo(upload);
		assertThat(filed.json().get("message").asString()).isIn(
				"管理员账号(系统管理员、安全管理员、审计管理员)不能新增或修改业务数据(三权分立)。", "您没有权限进行此操作。");
		assertThat(count("material")).isEqualTo(materials);

		String edition = catalog.active().code();
		Session.Page activated = session.postForm("/admin/catalog/" + edition + "/activate", "/me/password", "");
		assertThat(activated.status()).as("catalog activation").isEqualTo(catalogWrite);
		Session.Page imported = session.postMultipart("/admin/catalog", "/me/password",
				List.of(new Api.Part("file", "e.yaml", "application/yaml", "x: 1".getBytes(StandardCharsets.UTF_8))));
		assertThat(imported.status()).as("catalog import (a broken file: refused as broken when allowed)")
				.isEqualTo(catalogWrite == 302 ? 400 : 403);
		assertThat(catalog.active().code()).isEqualTo(edition);
	}

	@ParameterizedTest(name = "{0} changes no business data and creates no units")
	@CsvSource({"admin", "anquan", "shenji"})
	void noAdministratorWritesBusinessData(String user) {
		long material = api.get("jiedao", "/api/v1/materials?orgUnitId=" + community).json().get("items").get(0).get("id").asLong();
		assertThat(api.delete(user, "/api/v1/materials/" + material).status()).isEqualTo(403);
		assertThat(api.putJson(user, "/api/v1/materials/" + material + "/files/0/caption", "{\"title\":\"改\"}").status()).isEqualTo(403);
		assertThat(api.postJson(user, "/api/v1/activities", "{\"orgUnitId\":" + community + ",\"name\":\"不该有的活动\"}").status()).isEqualTo(403);
		Session session = Session.login(port, user, Api.PASSWORD);
		assertThat(session.postForm("/materials/" + material + "/recycle", "/me/password", "").status()).isEqualTo(403);
		assertThat(api.get("jiedao", "/api/v1/materials/" + material).json().get("deletedAt").isNull()).isTrue();
		if (user.equals("admin")) {
			long district = api.get(user, "/api/v1/org-units").json().get(1).get("id").asLong();
			assertThat(api.postJson(user, "/api/v1/org-units", "{\"parentId\":" + district + ",\"kind\":\"STREET\",\"name\":\"管理员建的街道\"}").status())
					.as("the org tree is the system administrator's").isEqualTo(201);
		} else {
			assertThat(api.postJson(user, "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"9号楼\"}").status())
					.isEqualTo(403);
			assertThat(api.postJson(user, "/api/v1/exports", "{\"orgUnitId\":" + community + "}").status()).isEqualTo(403);
		}
	}

	@Test
	void noAccountHoldsTwoAdministratorRoles() {
		String target = newAccount();
		for (String roles : List.of("[\"ADMIN\",\"AUDITOR\"]", "[\"SECURITY\",\"AUDITOR\"]", "[\"SECURITY\",\"WORKER\"]")) {
			Api.Response refused = api.putJson("anquan", "/api/v1/accounts/" + target + "/roles", "{\"roles\":" + roles + "}");
			assertThat(refused.status()).as(roles).isEqualTo(400);
			assertThat(refused.json().get("error").asString()).isEqualTo("conflicting_roles");
			assertThat(refused.json().get("message").asString()).isEqualTo(CONFLICT);
		}
		assertThat(rolesOf(target)).containsExactly("WORKER");

		Api.Response twoAtCreation = createAccount("admin", username("c"), "[\"ADMIN\",\"SECURITY\"]");
		assertThat(twoAtCreation.status()).isEqualTo(400);
		assertThat(twoAtCreation.json().get("error").asString()).isEqualTo("conflicting_roles");
		Api.Response administratorAtCreation = createAccount("admin", username("c"), "[\"AUDITOR\"]");
		assertThat(administratorAtCreation.status()).isEqualTo(403);
		assertThat(administratorAtCreation.json().get("message").asString()).startsWith("系统管理员只能创建业务角色");

		long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
		assertThatThrownBy(() -> jdbc.sql("insert into app_user_role (app_user, role, duty) values (:id, 'AUDITOR', 'ADMINISTRATOR')")
				.param("id", admin).update()).as("the database refuses a second administrator role").isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.sql("insert into app_user_role (app_user, role) values (:id, 'SECURITY')")
				.param("id", admin).update()).as("an administrator role always carries its duty").isInstanceOf(DataIntegrityViolationException.class);
		assertThat(rolesOf("admin")).containsExactly("ADMIN");
		assertThat(jdbc.sql("""
				select count(*) from (select app_user from app_user_role where role in ('ADMIN', 'SECURITY', 'AUDITOR')
				group by app_user having count(*) > 1) twice""").query(Long.class).single()).isZero();
	}

	@Test
	void theSecurityAdministratorGrantsAdministratorRolesAuditedButNotToItself() {
		String target = newAccount();
		long before = audits("anquan", "ROLES_CHANGED");
		Api.Response granted = api.putJson("anquan", "/api/v1/accounts/" + target + "/roles", "{\"roles\":[\"AUDITOR\"]}");
		assertThat(granted.status()).isEqualTo(200);
		assertThat(granted.json().get("roles")).extracting(JsonNode::asString).containsExactly("AUDITOR");
		assertThat(audits("anquan", "ROLES_CHANGED")).isEqualTo(before + 1);
		assertThat(jdbc.sql("select detail from audit_event where action = 'ROLES_CHANGED' and object_id = :u").param("u", target)
				.query(String.class).single()).isEqualTo("[WORKER] -> [AUDITOR]");

		Api.Response own = api.putJson("anquan", "/api/v1/accounts/anquan/roles", "{\"roles\":[\"ADMIN\"]}");
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().get("message").asString()).isEqualTo("不能修改自己的角色,请由另一位安全管理员操作。");
		assertThat(rolesOf("anquan")).containsExactly("SECURITY");
		assertThat(api.putJson("anquan", "/api/v1/accounts/nobody/roles", "{\"roles\":[\"WORKER\"]}").status()).isEqualTo(404);
		assertThat(api.putJson("anquan", "/api/v1/accounts/" + target + "/roles", "{\"roles\":[]}").json().get("error").asString())
				.isEqualTo("invalid_roles");
	}

	@Test
	void theSystemAndSecurityAdministratorsListTheAccounts() {
		for (String user : List.of("admin", "anquan")) {
			Api.Response list = api.get(user, "/api/v1/accounts");
			assertThat(list.status()).as(user).isEqualTo(200);
			assertThat(list.json()).anySatisfy(a -> {
				assertThat(a.get("username").asString()).isEqualTo("shenji");
				assertThat(a.get("roles")).extracting(JsonNode::asString).containsExactly("AUDITOR");
				assertThat(a.get("mustChangePassword").asBoolean()).isFalse();
			});
			assertThat(list.text()).doesNotContain("password\"", "bcrypt");
		}
		assertThat(api.get("shenji", "/api/v1/accounts").status()).isEqualTo(403);
		assertThat(api.get("jiedao", "/api/v1/accounts").status()).isEqualTo(403);
	}

	@Test
	void theSecurityAdministratorChangesRolesOnItsPage() {
		assertThat(Session.login(port, "admin", Api.PASSWORD).get("/security/accounts").status()).isEqualTo(403);
		assertThat(Session.login(port, "shenji", Api.PASSWORD).get("/security/accounts").status()).isEqualTo(403);
		Session security = Session.login(port, "anquan", Api.PASSWORD);
		Session.Page page = security.get("/security/accounts");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("shequ1", "审计管理员", "和平社区工作者");

		String target = newAccount();
		Session.Page conflicting = security.postForm("/security/accounts/" + target + "/roles", "/security/accounts", "role=ADMIN&role=AUDITOR");
		assertThat(conflicting.status()).isEqualTo(400);
		assertThat(conflicting.body()).contains(CONFLICT);
		Session.Page changed = security.postForm("/security/accounts/" + target + "/roles", "/security/accounts", "role=INSPECTOR");
		assertThat(changed.status()).isEqualTo(302);
		assertThat(rolesOf(target)).containsExactly("INSPECTOR");
	}

	@Test
	void theMenuShowsEachAdministratorOnlyItsOwnFunctions() {
		Map<String, String> pages = Map.of(
				"admin", Session.login(port, "admin", Api.PASSWORD).get("/me/password").body(),
				"anquan", Session.login(port, "anquan", Api.PASSWORD).get("/me/password").body(),
				"shenji", Session.login(port, "shenji", Api.PASSWORD).get("/me/password").body());
		assertThat(pages.get("admin")).contains("href=\"/admin/catalog\"", "href=\"/admin/activity-categories\"", "href=\"/readiness\"")
				.doesNotContain("href=\"/admin/audit\"", "href=\"/materials/new\"", "href=\"/security/accounts\"");
		assertThat(pages.get("shenji")).contains("href=\"/admin/audit\"")
				.doesNotContain("href=\"/admin/catalog\"", "href=\"/readiness\"", "href=\"/materials/new\"", "href=\"/security/accounts\"");
		assertThat(pages.get("anquan")).contains("href=\"/security/accounts\"")
				.doesNotContain("href=\"/admin/audit\"", "href=\"/admin/catalog\"", "href=\"/readiness\"", "href=\"/materials/new\"");
	}

	private String newAccount() {
		String username = username("t");
		assertThat(createAccount("admin", username, "[\"WORKER\"]").status()).isEqualTo(201);
		return username;
	}

	private Api.Response createAccount(String by, String username, String roles) {
		return api.postJson(by, "/api/v1/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"三权分立测试\",\"orgUnitId\":"
				+ community + ",\"roles\":" + roles + ",\"password\":\"Initial-pass1\"}");
	}

	private static String username(String prefix) {
		return "sq" + prefix + SEQUENCE.incrementAndGet();
	}

	private String meta() {
		return "{\"orgUnitId\":" + community + ",\"kind\":\"记录\",\"title\":\"管理员的会议记录\",\"dateFormed\":\"2010-06-01\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
	}

	private List<String> rolesOf(String username) {
		return jdbc.sql("select r.role from app_user_role r join app_user a on a.id = r.app_user where a.username = :u order by r.role")
				.param("u", username)
				.query(String.class)
				.list();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long audits(String actor, String action) {
		return jdbc.sql("select count(*) from audit_event where actor = :actor and action = :action")
				.param("actor", actor)
				.param("action", action)
				.query(Long.class)
				.single();
	}
}
