package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Times as clients send them, over real HTTP: {@code Date.toISOString()} ({@code …Z}), {@code +08:00} and local
 * times are all stored as Beijing time, and years that are typing errors are refused naming the field, in the JSON
 * API, in the {@code meta} part of an upload and in the page forms.
 */
@IntegrationTest
class DateInputTests {

	@LocalServerPort
	int port;

	Api api;
	long community;
	LocalDate day;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		community = api.get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
		day = LocalDate.now(Zones.SHANGHAI).plusDays(10);
	}

	@Test
	void anActivityPlannedWithUtcOffsetOrLocalTimesStartsAtTenBeijingTime() {
		for (String[] times : new String[][] {
				{day + "T02:00:00.000Z", day + "T04:00:00Z"},
				{day + "T10:00:00+08:00", day + "T12:00+08:00"},
				{day + "T10:00", day + "T12:00:00"}}) {
			Api.Response planned = plan(times[0], times[1]);
			assertThat(planned.status()).as(planned.text()).isEqualTo(201);
			JsonNode stored = api.get("shequ1", "/api/v1/activities/" + planned.id()).json();
			assertThat(stored.get("startsAt").asString()).as(times[0]).isEqualTo(day + "T10:00:00");
			assertThat(stored.get("endsAt").asString()).as(times[1]).isEqualTo(day + "T12:00:00");
		}
	}

	@Test
	void activityTimesOutsideTheirRangeAreRefusedNamingTheField() {
		assertRefused(plan("0000-05-01T10:00:00", day + "T12:00"), "startsAt");
		assertRefused(plan(day + "T10:00", "9999-05-01T12:00:00"), "endsAt");
		LocalDate farAhead = LocalDate.now(Zones.SHANGHAI).plusYears(5);
		assertRefused(plan(farAhead + "T10:00", farAhead + "T12:00"), "startsAt");
		assertRefused(plan("2026-02-30T10:00", day + "T12:00"), "startsAt");
		// milliseconds since 1970 are no date either
		assertRefused(api.postJson("shequ1", "/api/v1/activities", "{\"orgUnitId\":" + community + ",\"title\":\"时区\",\"category\":\"志愿服务\","
				+ "\"startsAt\":1777600800000,\"endsAt\":\"" + day + "T12:00\",\"place\":\"社区活动室\"}"), "startsAt");
	}

	@Test
	void aCaptionTimeWithAnOffsetIsStoredAsBeijingTimeAndTheFutureIsRefused() {
		long material = photo();
		Api.Response captioned = api.putJson("shequ1", "/api/v1/materials/" + material + "/files/0/caption",
				"{\"title\":\"合影\",\"takenAt\":\"2010-05-01T02:00:00.000Z\"}");
		assertThat(captioned.status()).as(captioned.text()).isEqualTo(200);
		assertThat(captioned.json().get("files").get(0).get("caption").get("takenAt").asString()).isEqualTo("2010-05-01T10:00:00");

		String tomorrowAndMore = LocalDateTime.now(Zones.SHANGHAI).plusDays(3).withNano(0).toString();
		assertRefused(api.putJson("shequ1", "/api/v1/materials/" + material + "/files/0/caption", "{\"takenAt\":\"" + tomorrowAndMore + "\"}"),
				"takenAt");
		assertRefused(api.putJson("shequ1", "/api/v1/materials/" + material + "/files/0/caption", "{\"takenAt\":\"0000-01-01T00:00\"}"),
				"takenAt");
		assertThat(api.get("shequ1", "/api/v1/materials/" + material).json().get("files").get(0).get("caption").get("takenAt").asString())
				.isEqualTo("2010-05-01T10:00:00");
	}

	@Test
	void anInvalidDateInTheMetaPartIsAnInvalidDateNotBrokenJson() {
		Api.Response refused = api.file("shequ1", "{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"坏日期\",\"dateFormed\":\"2010-02-30\","
				+ "\"indicatorCodes\":[\"Ⅲ-116\"]}", Api.Part.file("a.jpg", DemoFiles.jpeg(32, 32, Color.GRAY, null)));
		assertRefused(refused, "dateFormed");
		Api.Response wrongType = api.file("shequ1", "{\"orgUnitId\":\"和平\",\"kind\":\"图片\",\"title\":\"x\",\"dateFormed\":\"2010-02-03\","
				+ "\"indicatorCodes\":[\"Ⅲ-116\"]}", Api.Part.file("a.jpg", DemoFiles.jpeg(32, 32, Color.GRAY, null)));
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("error").asString()).isEqualTo("invalid_meta");
		assertThat(wrongType.json().get("message").asString()).contains("orgUnitId");
	}

	@Test
	void thePageFormsReadOffsetsAndNameTheRefusedField() {
		long material = photo();
		Session worker = Session.login(port, "shequ1", Api.PASSWORD);
		String page = "/materials/" + material;
		Session.Page saved = worker.postForm(page + "/files/0/caption", page, "title=%E5%90%88%E5%BD%B1&takenAt=2010-05-01T02%3A00%3A00Z");
		assertThat(saved.status()).isEqualTo(302);
		assertThat(api.get("shequ1", "/api/v1/materials/" + material).json().get("files").get(0).get("caption").get("takenAt").asString())
				.isEqualTo("2010-05-01T10:00:00");

		Session.Page refused = worker.postForm(page + "/files/0/caption", page, "takenAt=9999-05-01T10%3A00");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("字段 takenAt", "9999");

		Session.Page plan = worker.postForm("/activities", "/activities/new", "orgUnitId=" + community + "&title=x&category=%E5%BF%97%E6%84%BF%E6%9C%8D%E5%8A%A1"
				+ "&startsAt=" + day + "T10%3A00%2B08%3A00&endsAt=0000-01-01T12%3A00&place=x");
		assertThat(plan.status()).isEqualTo(400);
		assertThat(plan.body()).contains("字段 endsAt", "0000-01-01");
		Session.Page notANumber = worker.postForm("/activities", "/activities/new", "orgUnitId=abc&title=x&startsAt=" + day + "T10%3A00");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.body()).contains("orgUnitId");
	}

	private Api.Response plan(String startsAt, String endsAt) {
		return api.postJson("shequ1", "/api/v1/activities", "{\"orgUnitId\":" + community + ",\"title\":\"时区\",\"category\":\"志愿服务\","
				+ "\"startsAt\":\"" + startsAt + "\",\"endsAt\":\"" + endsAt + "\",\"place\":\"社区活动室\"}");
	}

	private long photo() {
		Api.Response filed = api.file("shequ1", "{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"时区照片\",\"dateFormed\":\"2010-05-01\","
				+ "\"indicatorCodes\":[\"Ⅲ-116\"]}", Api.Part.file("p.jpg", DemoFiles.jpeg(64, 48, Color.ORANGE, null)));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		return filed.id();
	}

	private static void assertRefused(Api.Response response, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo("invalid_date");
		assertThat(response.json().get("message").asString()).contains("字段 " + field);
	}
}
