package org.chuangwen.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.orgs.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** Activities on a fresh community: planned once, every stage filing itself into every served box. */
@IntegrationTest
@RecordApplicationEvents
class ActivityTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutreachCoverage coverage;

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Activities activities;

	Api api;
	long street;
	long community;
	long[] buildings = new long[3];

	@BeforeEach
	void aFreshCommunityWithThreeBuildings() {
		api = new Api(port);
		street = api.demoStreet();
		community = create(street, "COMMUNITY", "活动社区");
		for (int i = 0; i < 3; i++) {
			buildings[i] = create(community, "BUILDING", (i + 1) + "号楼");
		}
	}

	@Test
	void festivalsOfAYearAnswerFromTheApi() {
		JsonNode festivals = api.get("shequ1", "/api/v1/festivals?year=2026").json();
		assertThat(festivals).anySatisfy(f -> {
			assertThat(f.get("name").asString()).isEqualTo("中秋节");
			assertThat(f.get("date").asString()).isEqualTo("2026-09-25");
		});
		assertThat(api.get("shequ1", "/api/v1/festivals?year=3000").status()).isEqualTo(400);
	}

	@Test
	void aStageFilesItsMaterialIntoEveryServedBoxWithTheStagesKind() {
		long id = plan("中秋“我们的节日”联欢会", "我们的节日", List.of("Ⅲ-29", "Ⅲ-25", "Ⅲ-117"), now().minusDays(2), now().minusDays(2).plusHours(2));
		JsonNode planned = api.get("jiedao", "/api/v1/activities/" + id).json();
		assertThat(planned.get("indicatorCodes")).extracting(JsonNode::asString).containsExactly("Ⅲ-117", "Ⅲ-25", "Ⅲ-29");
		assertThat(planned.get("stages")).hasSize(9).allSatisfy(s -> assertThat(s.get("done").asBoolean()).isFalse());

		Api.Response filed = api.postMultipart("jiedao", "/api/v1/activities/" + id + "/materials", List.of(
				Api.Part.json("meta", "{\"stage\":\"photos\",\"title\":\"联欢会现场\"}"), photo("1.jpg", 1), photo("2.jpg", 2)));
		assertThat(filed.status()).isEqualTo(201);
		assertThat(filed.json().get("kind").asString()).isEqualTo("图片");
		assertThat(filed.json().get("indicatorCodes")).extracting(JsonNode::asString).containsExactly("Ⅲ-117", "Ⅲ-25", "Ⅲ-29");

		JsonNode readiness = api.get("jiedao", "/api/v1/readiness?orgUnitId=" + community).json();
		for (JsonNode indicator : readiness.get("indicators")) {
			boolean served = List.of("Ⅲ-29", "Ⅲ-25", "Ⅲ-117").contains(indicator.get("code").asString());
			assertThat(indicator.get("presentKinds").toString().contains("图片")).as(indicator.get("code").asString()).isEqualTo(served);
		}
		JsonNode photoFiles = api.get("jiedao", "/api/v1/materials/" + filed.id()).json().get("files");
		assertThat(photoFiles).allSatisfy(f -> assertThat(f.get("caption").get("place").asString()).as("the place comes from the plan").isEqualTo("社区活动室"));
		JsonNode after = api.get("jiedao", "/api/v1/activities/" + id).json();
		assertThat(after.get("stages")).filteredOn(s -> s.get("stage").asString().equals("photos"))
				.singleElement().satisfies(s -> assertThat(s.get("done").asBoolean()).isTrue());

		assertThat(api.postMultipart("jiedao", "/api/v1/activities/" + id + "/materials",
				List.of(Api.Part.json("meta", "{\"stage\":\"合影\"}"), photo("3.jpg", 3))).json().get("message").asString())
				.isEqualTo("没有名为“合影”的活动环节。");
	}

	@Test
	void materialsFiledAheadOfTheDayAreFormedToday() {
		long id = plan("下周的中华经典诵读活动", "中华经典诵读", List.of(), now().plusDays(7), now().plusDays(7).plusHours(1));
		Api.Response notice = api.postMultipart("jiedao", "/api/v1/activities/" + id + "/materials",
				List.of(Api.Part.json("meta", "{\"stage\":\"notice\"}"), Api.Part.file("通知.docx", DemoFiles.docx("通知", "下周诵读"))));
		assertThat(notice.status()).as(notice.text()).isEqualTo(201);
		assertThat(api.get("jiedao", "/api/v1/materials/" + notice.id()).json().get("dateFormed").asString())
				.isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		Session street = Session.login(port, "jiedao", Api.PASSWORD);
		assertThat(street.postForm("/activities/" + id + "/plan", "/activities/" + id, "").status()).isEqualTo(302);
		assertThat(api.get("jiedao", "/api/v1/materials?q=" + java.net.URLEncoder.encode("下周的中华经典诵读活动方案", StandardCharsets.UTF_8))
				.json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void refusesABadPlanWithAClearMessage() {
		assertThat(message(api.postJson("jiedao", "/api/v1/activities", body("x", "跳舞", List.of(), now(), now().plusHours(1)))))
				.isEqualTo("没有名为“跳舞”的活动类别。");
		assertThat(message(api.postJson("jiedao", "/api/v1/activities", body("x", "文明礼仪", List.of(), now(), now().minusHours(1)))))
				.isEqualTo("请填写开始和结束时间,结束须晚于开始。");
		assertThat(api.postJson("shequ1", "/api/v1/activities", body("x", "文明礼仪", List.of(), now(), now().plusHours(1))).status())
				.as("another community").isEqualTo(404);
		long defaulted = plan("文明礼仪讲座", "文明礼仪", List.of(), now().plusDays(1), now().plusDays(1).plusHours(1));
		assertThat(api.get("jiedao", "/api/v1/activities/" + defaulted).json().get("indicatorCodes")).extracting(JsonNode::asString)
				.containsExactly("Ⅲ-116");
	}

	@Test
	void checkInsAreTakenOnlyWithinTheActivitysTime() {
		long running = plan("志愿服务", "志愿服务", List.of(), now().minusMinutes(10), now().plusHours(1));
		long tomorrow = plan("明天的志愿服务", "志愿服务", List.of(), now().plusDays(1), now().plusDays(1).plusHours(1));
		long yesterday = plan("昨天的志愿服务", "志愿服务", List.of(), now().minusDays(1), now().minusDays(1).plusHours(1));
		Api.Response in = api.postJson("jiedao", "/api/v1/activities/" + running + "/check-ins", "{\"name\":\"王芳\",\"phone\":\"13812345678\"}");
		assertThat(in.status()).isEqualTo(201);
		assertThat(in.json().get("phone").asString()).isEqualTo("138****5678");
		for (long closed : new long[] {tomorrow, yesterday}) {
			Api.Response refused = api.postJson("jiedao", "/api/v1/activities/" + closed + "/check-ins", "{\"name\":\"王芳\",\"phone\":\"13812345678\"}");
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.json().get("message").asString()).startsWith("现在不在签到时间内:签到时间为");
		}
		assertThat(message(api.postJson("jiedao", "/api/v1/activities/" + running + "/check-ins", "{\"name\":\"李\",\"phone\":\"12\"}")))
				.isEqualTo("请填写正确的手机号。");
		String stored = jdbc.sql("select phone_enc from activity_participant where activity_id = :a").param("a", running).query(String.class).single();
		assertThat(stored).doesNotContain("13812345678").doesNotContain("5678");
	}

	@Test
	void thePhonePageSignsUpBeforeAndChecksInAndOutDuring() {
		long later = plan("周末读书会", "全民阅读", List.of(), now().plusDays(3), now().plusDays(3).plusHours(2));
		long running = plan("清扫楼道", "公益活动(种绿护绿)", List.of(), now().minusMinutes(20), now().plusHours(2));
		String laterCode = api.get("jiedao", "/api/v1/activities/" + later).json().get("checkInCode").asString();
		String runningCode = api.get("jiedao", "/api/v1/activities/" + running).json().get("checkInCode").asString();

		Session phone = Session.anonymous(port);
		assertThat(phone.get("/c/" + laterCode).body()).contains("周末读书会");
		assertThat(phone.postForm("/c/" + laterCode, "/c/" + laterCode, "name=%E5%BC%A0%E4%B8%89&phone=13900001111&role=RESIDENT").body())
				.contains("您已报名“周末读书会”");
		assertThat(phone.postForm("/c/" + runningCode, "/c/" + runningCode, "name=%E8%B5%B5%E5%85%AD&phone=13700002222&role=VOLUNTEER").body())
				.contains("签到成功");
		assertThat(phone.postForm("/c/" + runningCode, "/c/" + runningCode, "name=%E8%B5%B5%E5%85%AD&phone=137-0000-2222&role=VOLUNTEER").body())
				.as("a second scan asks before it ends the service").containsPattern("赵六,您已签到 \\d+ 分钟。现在签退吗?").doesNotContain("已签退");
		assertThat(phone.get("/c/" + runningCode).body()).as("so does opening the page again on that phone").contains("现在签退吗?");
		assertThat(api.get("jiedao", "/api/v1/activities/" + running + "/participants").json().get(0).get("checkedOutAt").isNull()).isTrue();
		Session.Page out = phone.postForm("/c/" + runningCode + "/out", "/c/" + runningCode, "");
		assertThat(out.body()).containsPattern("赵六,已签退“清扫楼道”,本次服务 \\d+ 分钟").contains("本次服务不足 30 分钟,将由工作人员核实后确认。");
		Session.Page wrong = phone.get("/c/NOSUCH");
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(wrong.body()).as("the code box again, not an error page").contains("活动码无效,请核对后重新输入。", "输入活动码");

		JsonNode people = api.get("jiedao", "/api/v1/activities/" + running + "/participants").json();
		assertThat(people).singleElement().satisfies(p -> {
			assertThat(p.get("name").asString()).isEqualTo("赵六");
			assertThat(p.get("phone").asString()).isEqualTo("137****2222");
			assertThat(p.get("checkedInAt").isNull()).isFalse();
			assertThat(p.get("checkedOutAt").isNull()).isFalse();
			assertThat(p.get("minutes").asInt()).isLessThan(30);
			assertThat(p.get("shortService").asBoolean()).as("under the minimum service time, flagged").isTrue();
		});
		assertThat(Session.login(port, "jiedao", Api.PASSWORD).get("/activities/" + running).body()).contains("时长过短");
		assertThat(api.get("jiedao", "/api/v1/activities/" + later + "/participants").json().get(0).get("signedUpAt").isNull()).isFalse();

		long over = plan("上周的清扫", "公益活动(种绿护绿)", List.of(), now().minusDays(7), now().minusDays(7).plusHours(1));
		String overCode = api.get("jiedao", "/api/v1/activities/" + over).json().get("checkInCode").asString();
		Session.Page expired = phone.get("/c/" + overCode);
		assertThat(expired.body()).as("an expired code says so and offers the code box").contains("本活动的签到已于", "结束", "输入活动码")
				.doesNotContain("checkin-submit");
	}

	@Test
	void theAttendanceSheetComesFromTheCheckInsAndTheBriefingFromTheActivity() throws IOException {
		LocalDateTime start = now().minusMinutes(15);
		long id = plan("关爱空巢老人义诊", "关爱空巢老人", List.of("Ⅲ-52a", "Ⅲ-93"), start, start.plusHours(2));
		api.postJson("jiedao", "/api/v1/activities/" + id + "/check-ins", "{\"name\":\"王芳\",\"phone\":\"13812345678\"}");
		api.postJson("jiedao", "/api/v1/activities/" + id + "/check-ins", "{\"name\":\"刘医生\",\"phone\":\"13698765432\",\"role\":\"VOLUNTEER\"}");
		api.postMultipart("jiedao", "/api/v1/activities/" + id + "/materials",
				List.of(Api.Part.json("meta", "{\"stage\":\"图片\",\"title\":\"义诊现场\"}"), photo("a.jpg", 4), photo("b.jpg", 5)));

		// filed in the test's own thread, so that the recorded application events see what it publishes
		long sheet = accounts.callAs("jiedao", () -> activities.fileAttendance(id)).id();
		assertThat(api.get("jiedao", "/api/v1/materials/" + sheet).json().get("kind").asString()).isEqualTo("记录");
		byte[] docx = api.get("jiedao", "/api/v1/materials/" + sheet + "/files/0").body();
		try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
			assertThat(text.getText()).contains("关爱空巢老人义诊签到表", "王芳", "刘医生", "志愿者", "138****5678").doesNotContain("13812345678");
		}
		assertThat(events.stream(ActivityHeld.class).filter(e -> e.activityId() == id)).singleElement().satisfies(held -> {
			assertThat(held.participants()).isEqualTo(2);
			assertThat(held.volunteers()).isEqualTo(1);
			assertThat(held.heldOn()).isEqualTo(start.toLocalDate());
			assertThat(held.title()).isEqualTo("关爱空巢老人义诊");
			// a keyed hash, never the number (a pattern for any phone would also match a hash that by chance holds eleven
			// such digits: about one run in twenty-five)
			assertThat(held.attendees()).allSatisfy(a -> assertThat(a.phoneHash()).matches("[0-9a-f]{64}").doesNotContain("13812345678", "13698765432"));
		});

		Api.Response briefing = api.get("jiedao", "/api/v1/activities/" + id + "/briefing.docx");
		assertThat(briefing.status()).isEqualTo(200);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(briefing.body())); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("简  报", "关爱空巢老人义诊", DateTimeFormatter.ofPattern("yyyy年M月d日").format(start),
					"活动社区", "共有2人参加(其中志愿者1名)", "义诊现场");
			assertThat(doc.getAllPictures()).hasSize(2);
		}
	}

	@Test
	void aMediaReportKeepsItsLinkAndTheBriefingTakesTheChosenPhotos() throws IOException {
		long id = plan("低碳生活宣传", "低碳生活", List.of(), now().minusDays(1), now().minusDays(1).plusHours(1));
		Api.Response media = api.postMultipart("jiedao", "/api/v1/activities/" + id + "/materials", List.of(
				Api.Part.json("meta", "{\"stage\":\"媒体报道\",\"title\":\"晚报报道低碳生活宣传\",\"link\":\"https://news.example.cn/2026/1128.html\"}"),
				photo("截图.jpg", 6)));
		assertThat(media.status()).isEqualTo(201);
		assertThat(media.json().get("kind").asString()).isEqualTo("媒体报道");
		assertThat(media.json().get("files").asInt()).isEqualTo(2);
		byte[] record = api.get("jiedao", "/api/v1/materials/" + media.id() + "/files/0").body();
		try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(record)))) {
			assertThat(text.getText()).contains("https://news.example.cn/2026/1128.html", "晚报报道低碳生活宣传");
		}
		assertThat(message(api.postMultipart("jiedao", "/api/v1/activities/" + id + "/materials", List.of(
				Api.Part.json("meta", "{\"stage\":\"media\",\"link\":\"javascript:alert(1)\"}"), photo("x.jpg", 7)))))
				.isEqualTo("链接应以 http:// 或 https:// 开头。");

		long photos = api.postMultipart("jiedao", "/api/v1/activities/" + id + "/materials",
				List.of(Api.Part.json("meta", "{\"stage\":\"photos\"}"), photo("1.jpg", 8), photo("2.jpg", 9), photo("3.jpg", 10))).id();
		byte[] briefing = api.get("jiedao", "/api/v1/activities/" + id + "/briefing.docx?photo=" + photos + ":1").body();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(briefing))) {
			assertThat(doc.getAllPictures()).hasSize(1);
		}
	}

	@Test
	void administratorsKeepTheCategories() {
		Session admin = Session.login(port, "admin", Api.PASSWORD);
		String add = "group=%E5%85%AC%E7%9B%8A&name=%E5%9E%83%E5%9C%BE%E5%88%86%E7%B1%BB%E5%AE%A3%E4%BC%A0&indicators=%E2%85%A2-53%2C%E2%85%A2-117"
				+ "&outreach=%E7%8E%AF%E4%BF%9D&sort=300&active=true";
		assertThat(admin.postForm("/admin/activity-categories", "/admin/activity-categories", add).status()).isEqualTo(302);
		long id = plan("垃圾分类入户宣传", "垃圾分类宣传", List.of(), now().plusDays(1), now().plusDays(1).plusHours(1));
		assertThat(api.get("jiedao", "/api/v1/activities/" + id).json().get("indicatorCodes")).extracting(JsonNode::asString)
				.containsExactly("Ⅲ-117", "Ⅲ-53");
		assertThat(admin.postForm("/admin/activity-categories", "/admin/activity-categories", add).status()).as("the same name again").isEqualTo(409);
		assertThat(admin.postForm("/admin/activity-categories", "/admin/activity-categories", add.replace("垃圾", "x")
				.replace("outreach=%E7%8E%AF%E4%BF%9D", "outreach=%E5%A4%96%E8%AF%AD").replace("name=%E5%9E%83", "name=%E6%96%B0")).status())
				.as("not an outreach kind").isEqualTo(400);
		assertThat(Session.login(port, "jiedao", Api.PASSWORD).postForm("/admin/activity-categories", "/activities", add).status()).isEqualTo(403);
	}

	@Test
	void revealingAPhoneIsAuditedAndNotForInspectors() {
		long id = plan("法律咨询", "法律进社区", List.of(), now().minusMinutes(5), now().plusHours(1));
		long participant = api.postJson("jiedao", "/api/v1/activities/" + id + "/check-ins", "{\"name\":\"周七\",\"phone\":\"13511112222\"}").id();
		long before = count("select count(*) from audit_event where action = 'PERSONAL_DATA_REVEALED'");
		Session street = Session.login(port, "jiedao", Api.PASSWORD);
		Session.Page shown = street.postForm("/activities/" + id + "/participants/" + participant + "/phone", "/activities/" + id, "");
		assertThat(shown.body()).isEqualTo("13511112222");
		assertThat(count("select count(*) from audit_event where action = 'PERSONAL_DATA_REVEALED'")).isEqualTo(before + 1);
		assertThat(street.get("/activities/" + id).body()).contains("135****2222").doesNotContain("13511112222");
		Session inspector = Session.login(port, "ceping", Api.PASSWORD);
		assertThat(inspector.postForm("/activities/" + id + "/participants/" + participant + "/phone", "/activities/" + id, "").status()).isEqualTo(403);
	}

	@Test
	void outreachCoverageCountsBuildingsReachedByTheFiveKinds() {
		long science = plan("科普讲座", "科教进社区", List.of(), now().minusDays(10), now().minusDays(10).plusHours(1));
		long law = plan("法律咨询", "法律进社区", List.of(), now().minusDays(5), now().minusDays(5).plusHours(1));
		long future = plan("健康讲座", "卫生进社区", List.of(), now().plusDays(5), now().plusDays(5).plusHours(1));
		Session street = Session.login(port, "jiedao", Api.PASSWORD);
		street.postForm("/activities/" + science + "/reach", "/activities/" + science, "building=" + buildings[0]);
		street.postForm("/activities/" + law + "/reach", "/activities/" + law, "building=" + buildings[1] + "&building=" + buildings[0]);
		street.postForm("/activities/" + future + "/reach", "/activities/" + future, "building=" + buildings[2]);

		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		OutreachCoverage.Result result = accounts.callAs("jiedao", () -> coverage.of(community, today.minusMonths(1), today));
		assertThat(result.reached()).isEqualTo(2);
		assertThat(result.buildings()).hasSize(3);
		assertThat(result.percent()).isEqualTo(66.7);
		assertThat(result.met()).isFalse();
		assertThat(result.kinds()).filteredOn(OutreachCoverage.KindHeld::held).extracting(OutreachCoverage.KindHeld::kind).containsExactly("科教", "法律");
		assertThat(street.get("/activities/coverage?unit=" + community).body()).contains("66.7%", "已覆盖 2 / 3 个楼院");

		Session.Page foreign = street.postForm("/activities/" + science + "/reach", "/activities/" + science, "building=" + otherBuilding());
		assertThat(foreign.status()).isEqualTo(400);
	}

	private long otherBuilding() {
		for (JsonNode unit : api.get("jiedao", "/api/v1/org-units").json()) {
			if (unit.get("kind").asString().equals("BUILDING") && !List.of(buildings[0], buildings[1], buildings[2]).contains(unit.get("id").asLong())) {
				return unit.get("id").asLong();
			}
		}
		throw new AssertionError("no other building");
	}

	private long plan(String title, String category, List<String> codes, LocalDateTime starts, LocalDateTime ends) {
		Api.Response planned = api.postJson("jiedao", "/api/v1/activities", body(title, category, codes, starts, ends));
		assertThat(planned.status()).as(planned.text()).isEqualTo(201);
		return planned.id();
	}

	private String body(String title, String category, List<String> codes, LocalDateTime starts, LocalDateTime ends) {
		String list = String.join(",", codes.stream().map(c -> "\"" + c + "\"").toList());
		return "{\"orgUnitId\":" + community + ",\"title\":\"" + title.replace("\"", "\\\"") + "\",\"category\":\"" + category + "\",\"indicatorCodes\":[" + list
				+ "],\"startsAt\":\"" + LOCAL.format(starts) + "\",\"endsAt\":\"" + LOCAL.format(ends) + "\",\"place\":\"社区活动室\"}";
	}

	private static LocalDateTime now() {
		return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
	}

	private static Api.Part photo(String name, int n) {
		return Api.Part.file(name, DemoFiles.jpeg(320, 240, new Color((n * 50) % 256, 100, 150), LocalDateTime.of(2026, 9, 25, 19, 0)));
	}

	private static String message(Api.Response response) {
		assertThat(response.status()).isBetween(400, 499);
		return response.json().get("message").asString();
	}

	private static JsonNode indicator(JsonNode readiness, String code) {
		for (JsonNode indicator : readiness.get("indicators")) {
			if (indicator.get("code").asString().equals(code)) {
				return indicator;
			}
		}
		throw new AssertionError(code);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long create(long parent, String kind, String name) {
		Api.Response created = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
		assertThat(created.status()).isEqualTo(201);
		return created.id();
	}
}
