package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.chuangwen.Api;
import org.chuangwen.DistrictOffice;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every role against its own and a foreign unit, on every endpoint that reads or writes: own data answers,
 * foreign data answers 404 (its existence is not revealed), writes by the inspector answer 403, and every
 * refusal leaves a DENIED audit event.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeMatrixTests {

	private static final String BOX = URLEncoder.encode("Ⅲ-116", StandardCharsets.UTF_8);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	Api api;
	final Map<String, Long> units = new HashMap<>();
	final Map<String, Long> materials = new HashMap<>();

	@BeforeAll
	void createAForeignStreetAndOneMaterialPerCommunity() {
		api = new Api(port);
		for (JsonNode unit : api.get("admin", "/api/v1/org-units").json()) {
			units.putIfAbsent(unit.get("name").asString(), unit.get("id").asLong());
		}
		long district = units.get("示范区");
		long street = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + district + ",\"kind\":\"STREET\",\"name\":\"外街道\"}").id();
		units.put("外社区", api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + street + ",\"kind\":\"COMMUNITY\",\"name\":\"外社区\"}").id());
		String writer = DistrictOffice.ensure(accounts, api);
		materials.put("和平社区", file(writer, "和平社区").id());
		materials.put("友谊社区", file(writer, "友谊社区").id());
		materials.put("外社区", file(writer, "外社区").id());
	}

	static Stream<Arguments> rolesWithOwnAndForeignUnits() {
		return Stream.of(
				Arguments.of("jiedao", "和平社区", "外社区", true),
				Arguments.of("shequ1", "和平社区", "友谊社区", true),
				Arguments.of("shequ2", "友谊社区", "和平社区", true),
				Arguments.of("ceping", "和平社区", "外社区", false));
	}

	@ParameterizedTest(name = "{0} reads its own unit {1}")
	@MethodSource("rolesWithOwnAndForeignUnits")
	void readsOwnData(String user, String own, String foreign, boolean writes) {
		long unit = units.get(own);
		long material = materials.get(own);
		assertThat(api.get(user, "/api/v1/materials/" + material).status()).isEqualTo(200);
		assertThat(api.get(user, "/api/v1/materials/" + material + "/files/0").status()).isEqualTo(200);
		assertThat(api.get(user, "/api/v1/readiness?orgUnitId=" + unit).status()).isEqualTo(200);
		assertThat(api.get(user, "/api/v1/materials?orgUnitId=" + unit).json().get("total").asLong()).isPositive();
		Session session = Session.login(port, user, Api.PASSWORD);
		assertThat(session.get("/boxes/" + unit + "/" + BOX).status()).isEqualTo(200);
		assertThat(session.get("/materials/" + material).status()).isEqualTo(200);
		assertThat(session.get("/readiness?unit=" + unit).status()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0} cannot read foreign unit {2}")
	@MethodSource("rolesWithOwnAndForeignUnits")
	void foreignDataIsNotFoundAndAudited(String user, String own, String foreign, boolean writes) {
		long unit = units.get(foreign);
		long material = materials.get(foreign);
		long denied = denials(user);
		Api.Response byId = api.get(user, "/api/v1/materials/" + material);
		assertThat(byId.status()).isEqualTo(404);
		assertThat(byId.json().get("message").asString()).isEqualTo("找不到该记录,或它不在您的管辖范围内。");
		assertThat(api.get(user, "/api/v1/materials/" + material + "/files/0").status()).isEqualTo(404);
		assertThat(api.get(user, "/api/v1/readiness?orgUnitId=" + unit).status()).isEqualTo(404);
		assertThat(api.get(user, "/api/v1/materials?orgUnitId=" + unit).status()).isEqualTo(404);
		assertThat(api.get(user, "/api/v1/materials").json().get("items")).noneSatisfy(m ->
				assertThat(m.get("id").asLong()).isEqualTo(material));
		assertThat(api.get(user, "/api/v1/org-units").json()).noneSatisfy(u -> assertThat(u.get("id").asLong()).isEqualTo(unit));
		Session session = Session.login(port, user, Api.PASSWORD);
		assertThat(session.get("/boxes/" + unit + "/" + BOX).status()).isEqualTo(404);
		assertThat(session.get("/materials/" + material).status()).isEqualTo(404);
		assertThat(session.get("/readiness?unit=" + unit).status()).isEqualTo(404);
		assertThat(denials(user)).isGreaterThanOrEqualTo(denied + 7);
	}

	@ParameterizedTest(name = "{0} writes to its own unit {1}: {3}")
	@MethodSource("rolesWithOwnAndForeignUnits")
	void writesOwnDataOnlyWithAWritingRole(String user, String own, String foreign, boolean writes) {
		long material = materials.get(own);
		long before = count("material");
		Api.Response filed = file(user, own);
		Api.Response recycle = api.delete(user, "/api/v1/materials/" + material);
		Api.Response restore = api.postJson(user, "/api/v1/materials/" + material + "/restore", "");
		if (writes) {
			assertThat(filed.status()).isEqualTo(201);
			assertThat(recycle.status()).isEqualTo(204);
			assertThat(restore.status()).isEqualTo(200);
			assertThat(restore.json().get("deletedAt").isNull()).isTrue();
			assertThat(count("material")).isEqualTo(before + 1);
		} else {
			assertThat(filed.status()).isEqualTo(403);
			assertThat(filed.json().get("message").asString()).isEqualTo("您的账号只能查看,不能新增或修改。");
			assertThat(recycle.status()).isEqualTo(403);
			assertThat(restore.status()).isEqualTo(403);
			assertThat(count("material")).isEqualTo(before);
			Session session = Session.login(port, user, Api.PASSWORD);
			assertThat(session.postForm("/materials/" + material + "/recycle", "/materials/" + material, "").status()).isEqualTo(403);
		}
		assertThat(api.get("admin", "/api/v1/materials/" + material).json().get("deletedAt").isNull()).isTrue();
	}

	@ParameterizedTest(name = "{0} cannot write to foreign unit {2}")
	@MethodSource("rolesWithOwnAndForeignUnits")
	void foreignWritesAreNotFoundAndChangeNothing(String user, String own, String foreign, boolean writes) {
		long material = materials.get(foreign);
		long before = count("material");
		long denied = denials(user);
		assertThat(file(user, foreign).status()).isEqualTo(404);
		assertThat(api.delete(user, "/api/v1/materials/" + material).status()).isEqualTo(404);
		assertThat(api.postJson(user, "/api/v1/materials/" + material + "/restore", "").status()).isEqualTo(404);
		Session session = Session.login(port, user, Api.PASSWORD);
		assertThat(session.postForm("/materials/" + material + "/recycle", "/materials", "").status()).isEqualTo(404);
		assertThat(count("material")).isEqualTo(before);
		assertThat(api.get("admin", "/api/v1/materials/" + material).json().get("deletedAt").isNull()).isTrue();
		assertThat(denials(user)).isGreaterThanOrEqualTo(denied + 4);
	}

	@Test
	void theAdministratorReachesEveryUnit() {
		for (String unit : new String[] {"和平社区", "友谊社区", "外社区"}) {
			assertThat(api.get("admin", "/api/v1/materials/" + materials.get(unit)).status()).isEqualTo(200);
			assertThat(api.get("admin", "/api/v1/readiness?orgUnitId=" + units.get(unit)).status()).isEqualTo(200);
		}
		assertThat(api.get("admin", "/api/v1/org-units").json()).anySatisfy(u -> assertThat(u.get("name").asString()).isEqualTo("外社区"));
	}

	@Test
	void aWorkerSeesOnlyItsCommunityInTheTree() {
		JsonNode tree = api.get("shequ1", "/api/v1/org-units").json();
		assertThat(tree).extracting(u -> u.get("name").asString()).containsExactly("和平社区", "1号楼", "2号楼", "3号楼");
		JsonNode me = api.get("shequ1", "/api/v1/me").json();
		assertThat(me.get("username").asString()).isEqualTo("shequ1");
		assertThat(me.get("roles")).extracting(JsonNode::asString).containsExactly("WORKER");
		assertThat(me.get("orgUnitId").asLong()).isEqualTo(units.get("和平社区"));
	}

	@Test
	void onlyTheAdministratorCreatesUnits() {
		long community = units.get("和平社区");
		Api.Response refused = api.postJson("jiedao", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"9号楼\"}");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("error").asString()).isEqualTo("forbidden");
	}

	private Api.Response file(String user, String unitName) {
		String meta = "{\"orgUnitId\":" + units.get(unitName) + ",\"kind\":\"记录\",\"title\":\"" + unitName + "的会议记录\","
				+ "\"dateFormed\":\"2010-06-01\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
		return api.file(user, meta, Api.Part.file("记录.docx", DemoFiles.docx("会议记录", unitName)));
	}

	private long denials(String user) {
		return jdbc.sql("select count(*) from audit_event where action = 'DENIED' and actor = :u").param("u", user).query(Long.class).single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
