package org.chuangwen.volunteers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.chuangwen.Api;
import org.chuangwen.DistrictOffice;
import org.chuangwen.FromAddress;
import org.chuangwen.IntegrationTest;
import org.chuangwen.TestClock;
import org.chuangwen.orgs.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/** Volunteers of a fresh community: registered, credited from an activity's check-ins, entered by hand, corrected. */
@IntegrationTest
@RecordApplicationEvents
@ExtendWith(OutputCaptureExtension.class)
class VolunteerTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Volunteers volunteers;

	@Autowired
	ApplicationEvents events;

	Api api;
	long community;
	String district;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		community = api.newCommunity("志愿社区");
		district = DistrictOffice.ensure(accounts, api);
	}

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void anActivitysCheckInAndOutBecomeAPendingRecordConfirmedInOneStep() {
		long li = register("李华", "13912340001");
		long wang = register("王强", "13912340002");
		Api.Response duplicate = api.postJson("jiedao", "/api/v1/volunteers", volunteer("李华", "139-1234-0001"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("error").asString()).isEqualTo("duplicate_volunteer");
		assertThat(duplicate.json().get("message").asString()).isEqualTo("该手机号已在本单位登记为志愿者,请勿重复登记。");

		LocalDateTime start = now().plusMinutes(20);
		long activity = plan("社区环境清扫", start, start.plusHours(1));
		String code = api.get("jiedao", "/api/v1/activities/" + activity).json().get("checkInCode").asString();
		FromAddress liPhone = new FromAddress("127.0.7.1", port);
		FromAddress wangPhone = new FromAddress("127.0.7.2", port);
		assertThat(liPhone.postForm("/c/" + code, "/c/" + code, Map.of("name", "李华", "phone", "13912340001", "role", "VOLUNTEER")).body())
				.contains("签到成功");
		assertThat(wangPhone.postForm("/c/" + code, "/c/" + code, Map.of("name", "王强", "phone", "13912340002", "role", "VOLUNTEER")).body())
				.contains("签到成功");
		TestClock.advance(Duration.ofMinutes(100));
		assertThat(liPhone.postForm("/c/" + code, "/c/" + code, Map.of("name", "李华", "phone", "13912340001", "role", "VOLUNTEER")).body())
				.contains("李华,您已签到 100 分钟。现在签退吗?");
		assertThat(liPhone.postForm("/c/" + code + "/out", "/c/" + code, Map.of()).body()).contains("已签退", "本次服务 100 分钟")
				.doesNotContain("不足");

		assertThat(api.postJson("jiedao", "/api/v1/activities/" + activity + "/attendance", "").status()).isEqualTo(201);
		assertThat(api.postJson("jiedao", "/api/v1/activities/" + activity + "/attendance", "").status()).as("filed again").isEqualTo(201);

		JsonNode pending = api.get("jiedao", "/api/v1/volunteers/" + li).json();
		assertThat(pending.get("records")).singleElement().satisfies(r -> {
			assertThat(r.get("activityId").asLong()).isEqualTo(activity);
			assertThat(r.get("date").asString()).isEqualTo(start.toLocalDate().toString());
			assertThat(r.get("hours").decimalValue()).as("checked in before the start, out after the end: the window's hour").isEqualByComparingTo("1.00");
			assertThat(r.get("status").asString()).isEqualTo("PENDING");
			assertThat(r.get("title").asString()).isEqualTo("社区环境清扫");
		});
		assertThat(pending.get("totalHours").decimalValue()).isEqualByComparingTo("0");
		assertThat(api.get("jiedao", "/api/v1/volunteers/" + wang).json().get("records")).singleElement()
				.satisfies(r -> assertThat(r.get("hours").isNull()).as("no check-out, no hours").isTrue());

		Api.Response confirmed = api.postJson("jiedao", "/api/v1/service-records/confirmations", "{\"activityId\":" + activity + "}");
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("confirmed").asInt()).isEqualTo(1);
		assertThat(confirmed.json().get("withoutHours").asInt()).isEqualTo(1);
		JsonNode after = api.get("jiedao", "/api/v1/volunteers/" + li).json();
		assertThat(after.get("totalHours").decimalValue()).isEqualByComparingTo("1.00");
		assertThat(after.get("records").get(0).get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(after.get("level").isNull()).isTrue();
		assertThat(after.get("manualHours").decimalValue()).isEqualByComparingTo("0");

		JsonNode totals = api.get("jiedao", "/api/v1/volunteer-totals?orgUnitId=" + community + "&year=" + start.getYear()).json();
		assertThat(totals.get("hours").decimalValue()).isEqualByComparingTo("1.00");
		assertThat(totals.get("volunteers")).singleElement().satisfies(v -> assertThat(v.get("name").asString()).isEqualTo("李华"));
		assertThat(api.postJson("shequ1", "/api/v1/service-records/confirmations", "{\"activityId\":" + activity + "}").status()).isEqualTo(404);
	}

	@Test
	void aHandEntryNeedsASecondPersonAndHoursEarnAStarLevel() {
		long id = register("赵敏", "13912340011");
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		Api.Response entered = api.postJson("jiedao", "/api/v1/volunteers/" + id + "/service-records",
				"{\"date\":\"" + today + "\",\"hours\":20,\"content\":\"敬老院陪护\",\"place\":\"幸福敬老院\"}");
		assertThat(entered.status()).isEqualTo(201);
		assertThat(entered.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(entered.json().get("manual").asBoolean()).isTrue();
		long record = entered.id();

		Api.Response own = api.postJson("jiedao", "/api/v1/service-records/" + record + "/approval", "");
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().get("error").asString()).isEqualTo("same_person");
		assertThat(own.json().get("message").asString()).isEqualTo("手工录入的服务记录须由录入人以外的另一人审核。");
		assertThat(api.postJson("shequ1", "/api/v1/service-records/" + record + "/approval", "").status()).as("another community").isEqualTo(404);
		assertThat(api.postJson("ceping", "/api/v1/service-records/" + record + "/approval", "").status()).as("an inspector").isEqualTo(403);
		Api.Response approved = api.postJson(district, "/api/v1/service-records/" + record + "/approval", "");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(approved.json().get("manual").asBoolean()).as("stays marked as entered by hand").isTrue();
		assertThat(api.postJson(district, "/api/v1/service-records/" + record + "/approval", "").status()).isEqualTo(409);

		for (int i = 0; i < 4; i++) {
			long more = api.postJson("jiedao", "/api/v1/volunteers/" + id + "/service-records",
					"{\"date\":\"" + today + "\",\"hours\":20,\"content\":\"敬老院陪护\",\"place\":\"幸福敬老院\"}").id();
			api.postJson(district, "/api/v1/service-records/" + more + "/approval", "");
		}
		JsonNode volunteer = api.get("jiedao", "/api/v1/volunteers/" + id).json();
		assertThat(volunteer.get("totalHours").decimalValue()).isEqualByComparingTo("100");
		assertThat(volunteer.get("level").asString()).isEqualTo("一星");
		assertThat(volunteer.get("manualHours").decimalValue()).as("kept apart from check-in hours").isEqualByComparingTo("100");

		assertThat(api.postJson("jiedao", "/api/v1/volunteers/" + id + "/service-records",
				"{\"date\":\"" + today + "\",\"hours\":25,\"content\":\"通宵\"}").json().get("message").asString())
				.isEqualTo("服务时长应大于0且不超过24小时(实际服务时间,不含路途)。");
	}

	@Test
	void anApprovalPublishesTheHoursForTheLedgers() {
		long id = register("吴用", "13912340051");
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		long record = api.postJson("jiedao", "/api/v1/volunteers/" + id + "/service-records",
				"{\"date\":\"" + today + "\",\"hours\":1.5,\"content\":\"垃圾分类指导\"}").id();
		// approved in the test's own thread, so that the recorded application events see what it publishes
		accounts.callAs(district, () -> volunteers.approve(record));
		assertThat(events.stream(ServiceHoursConfirmed.class).filter(e -> e.recordId() == record)).singleElement().satisfies(e -> {
			assertThat(e.volunteerId()).isEqualTo(id);
			assertThat(e.orgUnitId()).isEqualTo(community);
			assertThat(e.hours()).isEqualByComparingTo("1.5");
			assertThat(e.date().toString()).isEqualTo(today);
			assertThat(e.residentId()).isNull();
		});
	}

	@Test
	void aCorrectionKeepsTheOldValue() {
		long id = register("钱多", "13912340021");
		String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
		long record = api.postJson("jiedao", "/api/v1/volunteers/" + id + "/service-records",
				"{\"date\":\"" + day + "\",\"hours\":3,\"content\":\"交通劝导\",\"place\":\"路口\"}").id();
		api.postJson(district, "/api/v1/service-records/" + record + "/approval", "");

		Api.Response corrected = api.postJson("jiedao", "/api/v1/service-records/" + record + "/corrections",
				"{\"hours\":2.5,\"reason\":\"含路途半小时,按实际服务时间更正\"}");
		assertThat(corrected.status()).isEqualTo(201);
		assertThat(corrected.json().get("hours").decimalValue()).isEqualByComparingTo("2.50");
		JsonNode history = api.get("jiedao", "/api/v1/service-records/" + record + "/corrections").json();
		assertThat(history).singleElement().satisfies(c -> {
			assertThat(c.get("oldHours").decimalValue()).isEqualByComparingTo("3");
			assertThat(c.get("newHours").decimalValue()).isEqualByComparingTo("2.5");
			assertThat(c.get("reason").asString()).isEqualTo("含路途半小时,按实际服务时间更正");
			assertThat(c.get("correctedBy").asString()).isEqualTo("jiedao");
		});
		assertThat(api.get("jiedao", "/api/v1/volunteers/" + id).json().get("totalHours").decimalValue()).isEqualByComparingTo("2.50");
		assertThat(api.postJson("jiedao", "/api/v1/service-records/" + record + "/corrections", "{\"hours\":2.5}").status())
				.as("no reason").isEqualTo(400);
	}

	@Test
	void recordsNotConfirmedWithinTenWorkingDaysAreOverdue() {
		long id = register("孙立", "13912340031");
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		long record = api.postJson("jiedao", "/api/v1/volunteers/" + id + "/service-records",
				"{\"date\":\"" + today + "\",\"hours\":2,\"content\":\"文明劝导\"}").id();
		assertThat(api.get("jiedao", "/api/v1/service-records/" + record).json().get("overdue").asBoolean()).isFalse();
		TestClock.advance(Duration.ofDays(9));
		assertThat(api.get("jiedao", "/api/v1/service-records/" + record).json().get("overdue").asBoolean()).as("nine calendar days").isFalse();
		TestClock.advance(Duration.ofDays(11));
		JsonNode late = api.get("jiedao", "/api/v1/service-records/" + record).json();
		assertThat(late.get("overdue").asBoolean()).isTrue();
		assertThat(api.get("jiedao", "/api/v1/service-records/pending").json()).anySatisfy(r -> {
			assertThat(r.get("id").asLong()).isEqualTo(record);
			assertThat(r.get("overdue").asBoolean()).isTrue();
		});
	}

	@Test
	void phonesAndIdNumbersAreMaskedAndRevealedOnlyWithAnAuditEntry(CapturedOutput output) {
		Api.Response created = api.postJson("jiedao", "/api/v1/volunteers",
				"{\"orgUnitId\":" + community + ",\"name\":\"周雪\",\"phone\":\"13912340041\",\"idNumber\":\"11010519491231002X\"}");
		assertThat(created.status()).isEqualTo(201);
		JsonNode json = created.json();
		assertThat(json.get("phone").asString()).isEqualTo("139****0041");
		assertThat(json.get("idNumber").asString()).isEqualTo("110105********002X");
		assertThat(json.get("sex").asString()).isEqualTo("女");
		assertThat(json.get("birthDate").asString()).isEqualTo("1949-12-31");
		long id = created.id();
		assertThat(created.text()).doesNotContain("13912340041", "11010519491231002X");
		assertThat(api.get("jiedao", "/api/v1/volunteers/" + id).text()).doesNotContain("13912340041", "11010519491231002X");
		assertThat(api.get("jiedao", "/api/v1/volunteers?q=13912340041").json().get("items")).singleElement()
				.satisfies(v -> assertThat(v.get("id").asLong()).isEqualTo(id));
		String stored = jdbc.sql("select phone_enc || ' ' || id_number_enc from volunteer where id = :id").param("id", id).query(String.class).single();
		assertThat(stored).doesNotContain("13912340041", "0041", "11010519491231002X");

		long before = jdbc.sql("select count(*) from audit_event where action = 'PERSONAL_DATA_REVEALED'").query(Long.class).single();
		assertThat(api.postJson("jiedao", "/api/v1/volunteers/" + id + "/phone", "").text()).isEqualTo("13912340041");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERSONAL_DATA_REVEALED'").query(Long.class).single()).isEqualTo(before + 1);
		assertThat(api.postJson("ceping", "/api/v1/volunteers/" + id + "/phone", "").status()).isEqualTo(403);
		assertThat(api.get("shequ1", "/api/v1/volunteers/" + id).status()).isEqualTo(404);
		assertThat(api.postJson("jiedao", "/api/v1/volunteers", "{\"orgUnitId\":" + community + ",\"name\":\"错号\",\"phone\":\"13912340042\",\"idNumber\":\"110105194912310021\"}")
				.json().get("error").asString()).isEqualTo("invalid_id_number");
		assertThat(output.getAll()).doesNotContain("13912340041", "11010519491231002X");
		assertThat(jdbc.sql("select count(*) from audit_event where detail like '%13912340041%' or detail like '%11010519491231002X%'")
				.query(Long.class).single()).isZero();
	}

	private long register(String name, String phone) {
		Api.Response created = api.postJson("jiedao", "/api/v1/volunteers", volunteer(name, phone));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		return created.id();
	}

	private String volunteer(String name, String phone) {
		return "{\"orgUnitId\":" + community + ",\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}";
	}

	private long plan(String title, LocalDateTime starts, LocalDateTime ends) {
		Api.Response planned = api.postJson("jiedao", "/api/v1/activities", "{\"orgUnitId\":" + community + ",\"title\":\"" + title
				+ "\",\"category\":\"志愿服务\",\"indicatorCodes\":[],\"startsAt\":\"" + LOCAL.format(starts) + "\",\"endsAt\":\"" + LOCAL.format(ends)
				+ "\",\"place\":\"社区活动室\"}");
		assertThat(planned.status()).as(planned.text()).isEqualTo(201);
		return planned.id();
	}

	private static LocalDateTime now() {
		return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
	}
}
