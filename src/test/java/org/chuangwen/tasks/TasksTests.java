package org.chuangwen.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.awt.Color;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.TestClock;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * 整改 tasks over real HTTP, a real database and a real SMTP server (GreenMail): made of a missing kind and of an unmet
 * target, closed by themselves when a material of the kind is filed or the target is met, overdue once their day has
 * passed, reminded in the app and by e-mail once a day; refusals leave nothing behind.
 */
@IntegrationTest
class TasksTests {

	static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		SMTP.start();
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
		// the daily job must not take a reminder between this test's steps
		registry.add("chuangwen.tasks.reminder-cron", () -> "-");
	}

	@AfterAll
	static void stopSmtp() {
		SMTP.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;
	long community;

	@BeforeEach
	void aCommunityOfItsOwn() {
		api = new Api(port);
		community = api.newCommunity("整改社区" + System.nanoTime() % 100000);
	}

	@Test
	void aMissingKindBecomesATaskThatClosesItselfWhenAMaterialOfTheKindIsFiled() {
		Api.Response created = create("jiedao", community, "Ⅲ-115", "kind:制度", "jiedao", today().plusDays(7));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		JsonNode task = created.json();
		assertThat(task.get("state").asString()).isEqualTo("open");
		assertThat(task.get("overdue").asBoolean()).isFalse();
		assertThat(task.get("indicatorCode").asString()).isEqualTo("Ⅲ-115");
		assertThat(task.get("gap").asString()).isEqualTo("kind:制度");
		assertThat(task.get("gapText").asString()).contains("Ⅲ-115").contains("制度");
		assertThat(task.get("assignee").asString()).isEqualTo("jiedao");
		assertThat(task.get("closedBy").isNull()).isTrue();
		assertThat(tasks("jiedao", community)).singleElement().satisfies(t -> assertThat(t.get("state").asString()).isEqualTo("open"));
		assertError(create("jiedao", community, "Ⅲ-115", "kind:制度", "jiedao", today().plusDays(7)), 409, "task_exists");

		file(community, "Ⅲ-115", "制度", "社区议事规则");

		// closed by the filing's event already, before anybody reads the list
		assertThat(jdbc.sql("select closed_by from rectification_task where id = :id").param("id", task.get("id").asLong()).query(String.class).single())
				.isEqualTo("gap_closed");
		JsonNode closed = tasks("jiedao", community).get(0);
		assertThat(closed.get("state").asString()).isEqualTo("closed");
		assertThat(closed.get("closedBy").asString()).isEqualTo("gap_closed");
		assertThat(closed.get("closedAt").isNull()).isFalse();
		assertThat(closed.get("closeNote").asString()).isEqualTo("差距已消除,任务自动关闭");
		assertThat(Session.login(port, "jiedao", Api.PASSWORD).get("/tasks?orgUnitId=" + community).body()).contains("差距已消除,任务自动关闭");

		assertError(create("jiedao", community, "Ⅲ-115", "kind:制度", "jiedao", today().plusDays(7)), 409, "gap_closed");
	}

	@Test
	void anUnmetTargetBecomesATaskThatClosesItselfOnceTheTargetIsMet() {
		Api.Response created = create("jiedao", community, null, "target:regular-exercise", "jiedao", today().plusDays(3));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("gapText").asString()).contains("经常参加体育锻炼");

		long material = file(community, "Ⅲ-37", "记录", "体育锻炼调查汇总");
		Api.Response declared = api.postJson("jiedao", "/api/v1/targets/regular-exercise/declarations",
				"{\"orgUnitId\":" + community + ",\"value\":65,\"materialId\":" + material + "}");
		assertThat(declared.status()).as(declared.text()).isEqualTo(201);

		JsonNode closed = tasks("jiedao", community).get(0);
		assertThat(closed.get("state").asString()).isEqualTo("closed");
		assertThat(closed.get("closedBy").asString()).isEqualTo("gap_closed");
		assertError(create("jiedao", community, null, "target:regular-exercise", "jiedao", today().plusDays(3)), 409, "gap_closed");
	}

	@Test
	void aWorkerClosesATaskByHandWithANote() {
		long id = create("jiedao", community, "Ⅲ-115", "kind:经费保障", "jiedao", today()).id();
		assertError(api.postJson("jiedao", "/api/v1/tasks/" + id + "/close", "{\"note\":\"  \"}"), 400, "invalid_note");
		Api.Response closed = api.postJson("jiedao", "/api/v1/tasks/" + id + "/close", "{\"note\":\"经费由街道统一保障\"}");
		assertThat(closed.status()).as(closed.text()).isEqualTo(200);
		assertThat(closed.json().get("closedBy").asString()).isEqualTo("jiedao");
		assertThat(closed.json().get("closeNote").asString()).isEqualTo("经费由街道统一保障");
		assertError(api.postJson("jiedao", "/api/v1/tasks/" + id + "/close", "{\"note\":\"再关一次\"}"), 409, "task_closed");
		assertError(api.postJson("shequ1", "/api/v1/tasks/" + id + "/close", "{\"note\":\"别处\"}"), 404, "not_found");
	}

	@Test
	void oneClickOnTheBoxPageMakesATaskForTheCommunityHead() {
		String head = head(community);
		Session street = Session.login(port, "jiedao", Api.PASSWORD);
		String box = "/boxes/" + community + "/" + enc("Ⅲ-115");
		assertThat(street.get(box).body()).contains("data-testid=\"make-task-制度\"");
		Session.Page made = street.postForm("/tasks", box, "orgUnitId=" + community + "&indicatorCode=" + enc("Ⅲ-115") + "&gap=" + enc("kind:制度"));
		assertThat(made.status()).isEqualTo(302);
		assertThat(made.location()).endsWith("/tasks?orgUnitId=" + community);
		JsonNode task = tasks("jiedao", community).get(0);
		assertThat(task.get("assignee").asString()).isEqualTo(head);
		assertThat(task.get("due").asString()).isEqualTo(today().plusDays(14).toString());
		assertThat(street.get("/readiness?unit=" + community).body()).contains("/tasks/overdue?orgUnitId=" + community);
	}

	@Test
	void refusalsStoreNothing() {
		assertError(create("jiedao", community, "Ⅲ-115", "kind:制度", "nobody-here", today()), 400, "unknown_assignee");
		assertError(create("jiedao", community, "Ⅲ-115", "kind:制度", "shequ1", today()), 400, "unknown_assignee");
		assertError(create("jiedao", community, "Ⅲ-115", "kind:不存在的类型", "jiedao", today()), 400, "invalid_gap");
		assertError(create("jiedao", community, null, "target:no-such-target", "jiedao", today()), 400, "invalid_gap");
		assertError(create("jiedao", community, "Ⅲ-115", "制度", "jiedao", today()), 400, "invalid_gap");
		assertError(create("jiedao", community, "Ⅲ-115", "kind:制度", "jiedao", today().minusDays(1)), 400, "invalid_due");
		assertError(create("shequ1", community, "Ⅲ-115", "kind:制度", "shequ1", today()), 404, "not_found");
		assertError(api.get("shequ1", "/api/v1/tasks?orgUnitId=" + community), 404, "not_found");
		assertThat(create("ceping", community, "Ⅲ-115", "kind:制度", "jiedao", today()).status()).isEqualTo(403);
		assertThat(tasks("jiedao", community)).isEmpty();
		assertThat(api.postJson("shequ1", "/api/v1/tasks/reminders", "{}").status()).isEqualTo(403);
	}

	@Test
	void anOverdueTaskStandsOutAndRemindsItsAssigneeInTheAppAndByMailOnceADay() throws Exception {
		String address = "jiedao-" + community + "@example.test";
		assertThat(api.putJson("jiedao", "/api/v1/me/email", "{\"email\":\"" + address + "\"}").status()).isEqualTo(204);
		assertError(api.putJson("jiedao", "/api/v1/me/email", "{\"email\":\"不是邮箱\"}"), 400, "invalid_email");
		assertThat(jdbc.sql("select email from account_email where username = 'jiedao'").query(String.class).single()).doesNotContain("@");
		try {
			String head = head(community);
			long id = create("jiedao", community, "Ⅲ-115", "kind:组织机构", "jiedao", today()).id();
			assertThat(tasks("jiedao", community).get(0).get("overdue").asBoolean()).isFalse();

			TestClock.advance(Duration.ofDays(2));
			JsonNode overdue = tasks("jiedao", community).get(0);
			assertThat(overdue.get("overdue").asBoolean()).isTrue();
			Session street = Session.login(port, "jiedao", Api.PASSWORD);
			assertThat(street.get("/tasks?orgUnitId=" + community).body()).contains("data-testid=\"overdue\"");
			assertThat(street.get("/tasks/overdue?orgUnitId=" + api.demoStreet()).body()).contains("项整改任务已逾期").contains("组织机构");

			Api.Response sent = api.postJson("jiedao", "/api/v1/tasks/reminders", "{}");
			assertThat(sent.status()).as(sent.text()).isEqualTo(200);
			assertThat(sent.json().get("tasks").asInt()).isGreaterThanOrEqualTo(1);
			assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
			assertThat(mailsTo(address)).singleElement().satisfies(m -> {
				assertThat(m.getSubject()).contains("整改提醒");
				assertThat(((String) m.getContent())).contains("组织机构");
			});
			assertThat(api.get("jiedao", "/api/v1/tasks/notices").json()).anySatisfy(n -> assertThat(n.get("taskId").asLong()).isEqualTo(id));
			// the community head (its worker) is reminded in the app too; without an address, not by mail
			assertThat(jdbc.sql("select mailed from task_notice where username = :u and task_id = :id").param("u", head).param("id", id).query(Boolean.class)
					.list()).containsExactly(false);

			assertThat(api.postJson("jiedao", "/api/v1/tasks/reminders", "{}").status()).isEqualTo(200);
			assertThat(mailsTo(address)).hasSize(1);

			TestClock.advance(Duration.ofDays(1));
			assertThat(api.postJson("jiedao", "/api/v1/tasks/reminders", "{}").status()).isEqualTo(200);
			assertThat(mailsTo(address)).hasSize(2);
		} finally {
			TestClock.reset();
			api.putJson("jiedao", "/api/v1/me/email", "{\"email\":\"\"}");
		}
	}

	/** A worker account of the community, its head for reminders. */
	private String head(long unit) {
		String username = "head" + unit;
		Api.Response opened = api.postJson("admin", "/api/v1/accounts", "{\"username\":\"" + username + "\",\"displayName\":\"社区主任\",\"orgUnitId\":" + unit
				+ ",\"roles\":[\"WORKER\"],\"password\":\"" + Api.PASSWORD + "\"}");
		assertThat(opened.status()).as(opened.text()).isEqualTo(201);
		return username;
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static MimeMessage[] mailsTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
			} catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toArray(MimeMessage[]::new);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private Api.Response create(String user, long unit, String indicatorCode, String gap, String assignee, LocalDate due) {
		return api.postJson(user, "/api/v1/tasks", "{\"orgUnitId\":" + unit + ",\"indicatorCode\":" + (indicatorCode == null ? "null" : "\"" + indicatorCode + "\"")
				+ ",\"gap\":\"" + gap + "\",\"assignee\":\"" + assignee + "\",\"due\":\"" + due + "\"}");
	}

	private JsonNode tasks(String user, long unit) {
		Api.Response listed = api.get(user, "/api/v1/tasks?orgUnitId=" + unit);
		assertThat(listed.status()).as(listed.text()).isEqualTo(200);
		return listed.json();
	}

	private long file(long unit, String indicatorCode, String kind, String title) {
		String meta = "{\"orgUnitId\":" + unit + ",\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"dateFormed\":\"2026-01-05\",\"indicatorCodes\":[\""
				+ indicatorCode + "\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file("p.jpg", DemoFiles.jpeg(16, 16, new Color(title.hashCode()), null)));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		return filed.id();
	}

	private static void assertError(Api.Response response, int status, String error) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.json().get("error").asString()).isEqualTo(error);
		assertThat(response.json().get("message").asString()).isNotBlank();
	}
}
