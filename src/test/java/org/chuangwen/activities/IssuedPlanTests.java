package org.chuangwen.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A street issues a plan with its 成文日期, 文号 and deadline; each community sees it as its own to-do (the street does
 * not), answers it with an activity under a title of its own, and is done only once the activity is held; the street
 * follows every community's state and sends reminders.
 */
@IntegrationTest
class IssuedPlanTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
	private static final String TITLE = "关于开展文明礼仪宣传月活动的通知";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	Api api;
	long street;
	long community;
	long other;
	String worker;

	@BeforeEach
	void twoFreshCommunitiesWithAWorkerInTheFirst() {
		api = new Api(port);
		street = api.demoStreet();
		community = api.newCommunity("方案社区");
		other = api.newCommunity("另一方案社区");
		worker = "fa" + System.nanoTime() % 1_000_000_000L;
		accounts.create(worker, Api.PASSWORD, "方案社区工作人员", community, Set.of(Role.WORKER));
	}

	@Test
	void aPlanIsFiledWithItsOwnDateAndNumberAndFollowedUntilItsActivityIsHeld() {
		Session office = Session.login(port, "jiedao", Api.PASSWORD);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		LocalDate formed = today.minusDays(20);
		assertThat(issue(office, formed, "幸街发〔2026〕7号", today.minusDays(1)).status()).isEqualTo(302);

		JsonNode box = indicator(api.get("jiedao", "/api/v1/readiness?orgUnitId=" + community).json(), "Ⅲ-116");
		assertThat(box.get("presentKinds")).extracting(JsonNode::asString).contains("街道下发的方案");
		long materialId = jdbc.sql("select t.material_id from issued_plan_target t where t.community_id = :c").param("c", community).query(Long.class).single();
		JsonNode material = api.get("jiedao", "/api/v1/materials/" + materialId).json();
		assertThat(material.get("dateFormed").asString()).as("the date printed on the plan, not today").isEqualTo(formed.toString());
		assertThat(material.get("documentNumber").asString()).isEqualTo("幸街发〔2026〕7号");

		Session worker = Session.login(port, this.worker, Api.PASSWORD);
		assertThat(worker.get("/activities").body()).contains("待响应的街道方案", TITLE, "已逾期", "按此方案策划活动");
		assertThat(office.get("/activities").body()).as("the street follows its communities; their to-dos are not its own")
				.doesNotContain("待响应的街道方案", "按此方案策划活动");
		long plan = states().get(0).get("id").asLong();
		assertThat(state(community)).isEqualTo("awaiting");
		assertThat(states()).filteredOn(p -> p.get("communityId").asLong() == community).singleElement()
				.satisfies(p -> assertThat(p.get("overdue").asBoolean()).isTrue());

		assertThat(api.postJson("jiedao", "/api/v1/issued-plans/" + plan + "/communities/" + community + "/reminders", "").status()).isEqualTo(204);
		assertThat(worker.get("/activities").body()).contains("街道已催办 1 次");
		assertThat(api.postJson(this.worker, "/api/v1/issued-plans/" + plan + "/communities/" + community + "/reminders", "").status())
				.as("a community does not remind itself").isEqualTo(403);

		assertThat(worker.get("/activities/new?plan=" + plan + "&unit=" + community).body())
				.as("the answering activity is proposed a title of its own").contains("value=\"文明礼仪宣传月活动\"");
		String answer = body("文明礼仪宣传月启动仪式", now().minusHours(3), now().minusHours(2)).replace("}", ",\"issuedPlanId\":" + plan + "}");
		Api.Response planned = api.postJson(this.worker, "/api/v1/activities", answer);
		assertThat(planned.status()).as(planned.text()).isEqualTo(201);
		assertThat(state(community)).as("planned is answered, not done").isEqualTo("answered");
		assertThat(worker.get("/activities").body()).contains("已策划,待开展").doesNotContain("按此方案策划活动");

		Api.Response photos = api.postMultipart(this.worker, "/api/v1/activities/" + planned.id() + "/materials", List.of(
				Api.Part.json("meta", "{\"stage\":\"photos\",\"title\":\"启动仪式现场\"}"),
				Api.Part.file("1.jpg", DemoFiles.jpeg(320, 240, Color.ORANGE, now().minusHours(2).minusMinutes(30)))));
		assertThat(photos.status()).as(photos.text()).isEqualTo(201);
		assertThat(state(community)).isEqualTo("done");
		assertThat(state(other)).isEqualTo("awaiting");
		assertThat(worker.get("/activities").body()).doesNotContain("待响应的街道方案");
		assertThat(api.postJson("jiedao", "/api/v1/issued-plans/" + plan + "/communities/" + community + "/reminders", "").status())
				.as("nothing to chase once held").isEqualTo(409);
		assertThat(Session.login(port, "shequ1", Api.PASSWORD).get("/activities/issue").status()).as("a community worker").isEqualTo(403);
	}

	@Test
	void aPlanWithoutItsDateFormedIsRefusedAndNothingIsFiled() {
		Session office = Session.login(port, "jiedao", Api.PASSWORD);
		long before = jdbc.sql("select count(*) from issued_plan").query(Long.class).single();
		Session.Page refused = issue(office, null, null, null);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("请填写方案的成文日期");
		LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
		assertThat(issue(office, tomorrow, null, null).body()).contains("成文日期不能晚于今天");
		assertThat(jdbc.sql("select count(*) from issued_plan").query(Long.class).single()).isEqualTo(before);
	}

	private Session.Page issue(Session office, LocalDate formed, String number, LocalDate respondBy) {
		byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		List<Api.Part> parts = new java.util.ArrayList<>(List.of(
				text("street", String.valueOf(street)), text("title", TITLE), text("category", "文明礼仪"),
				text("community", String.valueOf(community)), text("community", String.valueOf(other)), Api.Part.file("方案.pdf", pdf)));
		if (formed != null) {
			parts.add(text("dateFormed", formed.toString()));
		}
		if (number != null) {
			parts.add(text("documentNumber", number));
		}
		if (respondBy != null) {
			parts.add(text("respondBy", respondBy.toString()));
		}
		return office.postMultipart("/activities/issue", "/activities/issue", parts);
	}

	private static Api.Part text(String name, String value) {
		return new Api.Part(name, null, "text/plain", value.getBytes(StandardCharsets.UTF_8));
	}

	private List<JsonNode> states() {
		Api.Response list = api.get("jiedao", "/api/v1/issued-plans");
		assertThat(list.status()).isEqualTo(200);
		List<JsonNode> ours = new java.util.ArrayList<>();
		list.json().forEach(p -> {
			if (p.get("communityId").asLong() == community || p.get("communityId").asLong() == other) {
				ours.add(p);
			}
		});
		return ours;
	}

	private String state(long communityId) {
		return states().stream().filter(p -> p.get("communityId").asLong() == communityId).findFirst().orElseThrow().get("state").asString();
	}

	private String body(String title, LocalDateTime starts, LocalDateTime ends) {
		return "{\"orgUnitId\":" + community + ",\"title\":\"" + title + "\",\"category\":\"文明礼仪\",\"indicatorCodes\":[],\"startsAt\":\""
				+ LOCAL.format(starts) + "\",\"endsAt\":\"" + LOCAL.format(ends) + "\",\"place\":\"社区活动室\"}";
	}

	private static LocalDateTime now() {
		return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
	}

	private static JsonNode indicator(JsonNode readiness, String code) {
		for (JsonNode i : readiness.get("indicators")) {
			if (i.get("code").asString().equals(code)) {
				return i;
			}
		}
		throw new AssertionError(code);
	}
}
