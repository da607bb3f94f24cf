package org.chuangwen.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.chuangwen.Api;
import org.chuangwen.DistrictOffice;
import org.chuangwen.FromAddress;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.TestClock;
import org.chuangwen.orgs.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The certificate and its public check, self-registration from the check-in page, and the workers' pages. */
@IntegrationTest
class VolunteerPagesTests {

	private static final String ID = "11010519491231002X";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	Api api;
	long community;
	String district;
	String today;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		long street = api.demoStreet();
		community = api.newCommunity("证明社区");
		district = DistrictOffice.ensure(accounts, api);
		today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
	}

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void aCertificateShowsTheMaskedIdAndTotalsAndItsPublicPageTellsWhetherItIsGenuine() throws IOException {
		long id = api.postJson("jiedao", "/api/v1/volunteers",
				"{\"orgUnitId\":" + community + ",\"name\":\"李小红\",\"phone\":\"13912340101\",\"idNumber\":\"" + ID + "\"}").id();
		String number = api.get("jiedao", "/api/v1/volunteers/" + id).json().get("number").asString();
		long record = api.postJson("jiedao", "/api/v1/volunteers/" + id + "/service-records",
				"{\"date\":\"" + today + "\",\"hours\":3.5,\"content\":\"图书馆整理图书\",\"place\":\"社区图书室\"}").id();
		api.postJson(district, "/api/v1/service-records/" + record + "/approval", "");

		Api.Response docx = api.get("jiedao", "/api/v1/volunteers/" + id + "/certificate.docx?leader=%E7%8E%8B%E4%B8%BB%E4%BB%BB&contact=0431-88886666");
		assertThat(docx.status()).isEqualTo(200);
		String certificate = docx.headers().firstValue("X-Certificate-Number").orElseThrow();
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body())); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("志愿服务记录证明", "李小红", "110105********002X", number, "3.50", certificate, "证明社区", "王主任",
					"0431-88886666", "图书馆整理图书", "/v/" + certificate).doesNotContain(ID, "13912340101");
			assertThat(doc.getAllPictures()).as("the QR code").hasSize(1);
		}
		assertThat(api.get("ceping", "/api/v1/volunteers/" + id + "/certificate.docx").status()).as("an inspector issues nothing").isEqualTo(403);

		Session anyone = Session.anonymous(port);
		Session.Page genuine = anyone.get("/v/" + certificate);
		assertThat(genuine.status()).isEqualTo(200);
		assertThat(genuine.body()).contains("该证明真实有效", "李**", "3.50", certificate).doesNotContain("李小红", ID);

		api.postJson("jiedao", "/api/v1/service-records/" + record + "/corrections", "{\"hours\":3,\"reason\":\"核对签到表\"}");
		assertThat(anyone.get("/v/" + certificate).body()).contains("出具后相关服务记录已更正");

		jdbc.sql("update volunteer_certificate set total_hours = 35 where number = :n").param("n", certificate).update();
		jdbc.sql("update volunteer_certificate set content = replace(content, '|3.50|', '|35.00|') where number = :n").param("n", certificate).update();
		assertThat(anyone.get("/v/" + certificate).body()).contains("不是有效证明");
		assertThat(anyone.get("/v/ZS2026-2222222222").status()).isEqualTo(404);
	}

	@Test
	void aVolunteerRegistersFromTheCheckInPage() {
		long activity = api.postJson("jiedao", "/api/v1/activities", "{\"orgUnitId\":" + community
				+ ",\"title\":\"周末义诊\",\"category\":\"志愿服务\",\"indicatorCodes\":[],\"startsAt\":\"" + today + "T09:00:00\",\"endsAt\":\"" + today
				+ "T11:00:00\",\"place\":\"社区活动室\"}").id();
		String code = api.get("jiedao", "/api/v1/activities/" + activity).json().get("checkInCode").asString();
		FromAddress phone = new FromAddress("127.0.7.11", port);
		assertThat(phone.get("/c/" + code).body()).contains("/v/join/" + code, "登记为志愿者");
		assertThat(phone.get("/v/join/" + code).body()).contains("周末义诊");
		Map<String, String> form = Map.of("name", "韩梅梅", "phone", "13912340111", "skills", "护理");
		assertThat(phone.postForm("/v/join/" + code, "/v/join/" + code, form).body()).contains("登记已提交");
		assertThat(phone.postForm("/v/join/" + code, "/v/join/" + code, form).body()).as("the same phone again: nothing told, nothing changed")
				.contains("登记已提交");

		JsonNode found = api.get("jiedao", "/api/v1/volunteers?q=13912340111").json();
		assertThat(found.get("total").asInt()).isEqualTo(1);
		JsonNode volunteer = found.get("items").get(0);
		assertThat(volunteer.get("selfRegistered").asBoolean()).isTrue();
		assertThat(volunteer.get("orgUnitId").asLong()).isEqualTo(community);
		assertThat(volunteer.get("skills").asString()).isEqualTo("护理");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'VOLUNTEER_SELF_REGISTERED' and org_unit_id = :u").param("u", community)
				.query(Long.class).single()).isEqualTo(2);
		assertThat(phone.postForm("/v/join/" + code, "/v/join/" + code, Map.of("name", "x", "phone", "12")).body()).contains("请填写正确的手机号");
		assertThat(phone.get("/v/join/NOSUCH").status()).isEqualTo(404);
		FromAddress.Answer throttled = phone.postForm("/v/join/" + code, "/v/join/" + code, Map.of("name", "路人", "phone", "13912340113"));
		assertThat(throttled.status()).as("three submissions and a wrong code from one address within ten minutes: the fifth attempt is refused").isEqualTo(429);
		assertThat(throttled.body()).contains("提交过于频繁");
		assertThat(api.get("jiedao", "/api/v1/volunteers?q=13912340113").json().get("total").asInt()).isZero();
	}

	@Test
	void theWorkersPagesListConfirmApproveAndHighlightOverdueRecords() {
		Session street = Session.login(port, "jiedao", Api.PASSWORD);
		Api.Response team = api.postJson("jiedao", "/api/v1/volunteer-teams", "{\"orgUnitId\":" + community + ",\"name\":\"红马甲服务队\",\"serviceArea\":\"环境卫生\"}");
		assertThat(team.status()).isEqualTo(201);
		assertThat(api.postJson("jiedao", "/api/v1/volunteer-teams", "{\"orgUnitId\":" + community + ",\"name\":\"x\",\"charterMaterialId\":999999999}")
				.status()).as("a material that is not there").isEqualTo(404);
		long id = api.postJson("jiedao", "/api/v1/volunteers",
				"{\"orgUnitId\":" + community + ",\"name\":\"陈晨\",\"phone\":\"13912340121\",\"team\":\"红马甲服务队\"}").id();
		assertThat(api.postJson("jiedao", "/api/v1/volunteers", "{\"orgUnitId\":" + community + ",\"name\":\"陈晨\",\"phone\":\"13912340122\",\"team\":\"没有的队\"}")
				.json().get("message").asString()).isEqualTo("本单位没有名为“没有的队”的志愿服务队,请先建立服务队。");

		Session.Page list = street.get("/volunteers?q=%E9%99%88%E6%99%A8");
		assertThat(list.body()).contains("陈晨", "139****0121", "红马甲服务队").doesNotContain("13912340121");
		assertThat(street.get("/volunteers/teams/" + team.id()).body()).contains("红马甲服务队", "陈晨");

		Session.Page entered = street.postForm("/volunteers/" + id + "/records", "/volunteers/" + id,
				"date=" + today + "&hours=2&content=%E6%B8%85%E6%89%AB&place=%E5%B0%8F%E5%8C%BA");
		assertThat(entered.status()).isEqualTo(302);
		long record = jdbc.sql("select max(id) from service_record where volunteer_id = :v").param("v", id).query(Long.class).single();
		Session.Page own = street.postForm("/volunteers/records/" + record + "/approval", "/volunteers/" + id, "");
		assertThat(street.get(own.location().replaceFirst("^https?://[^/]+", "")).body()).contains("手工录入的服务记录须由录入人以外的另一人审核。");

		TestClock.advance(Duration.ofDays(20));
		Session office = Session.login(port, district, Api.PASSWORD);
		Session.Page pending = office.get("/volunteers/pending");
		assertThat(pending.body()).contains("陈晨", "已超期", "录入人:jiedao");
		assertThat(office.postForm("/volunteers/records/" + record + "/approval?back=pending", "/volunteers/pending", "").status()).isEqualTo(302);
		assertThat(office.get("/volunteers/" + id).body()).contains("已确认", "2.00 小时");
		assertThat(office.get("/volunteers/teams").body()).contains("红马甲服务队:2.00");
		assertThat(Session.login(port, "shequ1", Api.PASSWORD).get("/volunteers/" + id).status()).isEqualTo(404);
	}
}
