package org.chuangwen.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.chuangwen.Api;
import org.chuangwen.DistrictOffice;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.TestClock;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.orgs.Accounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Scores by the evaluation's state descriptions on a fresh street: a box complete in kinds is A only once its
 * indicator's target (Ⅲ-117's 进社区 coverage, computed from real activities) is met; a community's score is the
 * weighted mean of its 22 indicators, a street's the mean of its communities, ranked; weekly snapshots are taken once
 * per week and make a trend.
 */
@IntegrationTest
class ScoresTests {

	private static final int BOXES = 22;
	private static final String[] KINDS_117 = {"街道下发的方案", "方案", "总结", "记录", "图片", "简报", "媒体报道"};

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	Api api;
	long district;
	long street;
	long a;
	long b;
	long buildingOfA;
	String writer;

	@BeforeEach
	void aFreshStreetWithTwoCommunities() {
		api = new Api(port);
		for (JsonNode unit : api.get("admin", "/api/v1/org-units").json()) {
			if (unit.get("kind").asString().equals("DISTRICT")) {
				district = unit.get("id").asLong();
			}
		}
		street = create(district, "STREET", "计分街道");
		a = create(street, "COMMUNITY", "甲计分社区");
		b = create(street, "COMMUNITY", "乙计分社区");
		buildingOfA = create(a, "BUILDING", "甲1号楼");
		writer = DistrictOffice.ensure(accounts, api);
	}

	@AfterEach
	void resetClock() {
		TestClock.reset();
	}

	@Test
	void aCompleteBoxIsAOnlyWhenItsTargetIsMetAndScoresRollUpWithRanking() {
		for (String kind : KINDS_117) {
			file(a, kind, "2010-05-01", "Ⅲ-117");
		}
		file(a, "组织机构", "2009-03-01", "Ⅲ-115");
		file(a, "制度", "2010-04-01", "Ⅲ-115");
		file(b, "组织机构", "2009-03-01", "Ⅲ-115");

		JsonNode before = readiness(a);
		JsonNode box117 = indicator(before, "Ⅲ-117");
		assertThat(box117.get("completeness").asDouble()).isEqualTo(1.0);
		assertThat(box117.get("grade").asString()).as("complete kinds, coverage 0% of its one building").isEqualTo("C");
		assertThat(box117.get("score").asDouble()).isEqualTo(33.0);
		assertThat(indicator(before, "Ⅲ-115").get("grade").asString()).isEqualTo("B");
		assertThat(indicator(before, "Ⅲ-116").get("grade").asString()).isEqualTo("C#");
		assertThat(before.get("score").asDouble()).isEqualTo(tenth((33 + 66) / (double) BOXES));
		assertThat(before.get("grade").asString()).isEqualTo("C#");

		plan(buildingOfA, "科普讲座", "科教进社区");
		JsonNode after = readiness(a);
		assertThat(indicator(after, "Ⅲ-117").get("grade").asString()).as("coverage 100%").isEqualTo("A");
		assertThat(indicator(after, "Ⅲ-117").get("score").asDouble()).isEqualTo(100.0);
		double scoreA = (100 + 66) / (double) BOXES;
		assertThat(after.get("score").asDouble()).isEqualTo(tenth(scoreA));

		double scoreB = 33 / (double) BOXES;
		JsonNode ofStreet = readiness(street);
		assertThat(ofStreet.get("score").asDouble()).isEqualTo(tenth((scoreA + scoreB) / 2));
		assertThat(indicator(ofStreet, "Ⅲ-117").get("score").asDouble()).isEqualTo(50.0);
		assertThat(indicator(ofStreet, "Ⅲ-117").get("grade").asString()).isEqualTo("C");
		assertThat(ofStreet.get("communities")).extracting(c -> c.get("name").asString() + ":" + c.get("scoreRank").asInt() + ":" + c.get("score").asDouble())
				.containsExactly("甲计分社区:1:" + tenth(scoreA), "乙计分社区:2:" + tenth(scoreB));

		JsonNode ofDistrict = readiness(district);
		JsonNode mine = null;
		for (JsonNode s : ofDistrict.get("streets")) {
			if (s.get("id").asLong() == street) {
				mine = s;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("score").asDouble()).isEqualTo(tenth((scoreA + scoreB) / 2));
		assertThat(mine.get("communities").asInt()).isEqualTo(2);
		assertThat(ofDistrict.get("streets")).extracting(s -> s.get("rank").asInt()).isSorted();
		assertThat(Session.login(port, writer, Api.PASSWORD).get("/readiness?unit=" + district).body())
				.contains("data-testid=\"streets\"", "计分街道", "data-testid=\"score\"");
		assertThat(Session.login(port, writer, Api.PASSWORD).get("/readiness?unit=" + a).body())
				.contains("data-testid=\"grade-Ⅲ-117\">A<", "data-testid=\"grade-Ⅲ-115\">B<");
	}

	@Test
	void snapshotsAreTakenOncePerWeekAndMakeTheTrend() {
		file(a, "组织机构", "2009-03-01", "Ⅲ-115");
		file(a, "制度", "2010-04-01", "Ⅲ-115");
		JsonNode first = take(street);
		assertThat(first.get("taken").asInt()).isEqualTo(2);
		String week = first.get("week").asString();

		file(a, "经费保障", "2010-04-01", "Ⅲ-115");
		JsonNode again = take(street);
		assertThat(again.get("week").asString()).isEqualTo(week);
		assertThat(again.get("taken").asInt()).isZero();
		assertThat(again.get("alreadyTaken").asInt()).isEqualTo(2);

		TestClock.advance(Duration.ofDays(7));
		JsonNode next = take(street);
		assertThat(next.get("week").asString()).isNotEqualTo(week);
		assertThat(next.get("taken").asInt()).isEqualTo(2);

		JsonNode trend = api.get(writer, "/api/v1/readiness/trend?orgUnitId=" + street).json();
		JsonNode ofA = community(trend, a);
		assertThat(ofA.get("weeks")).hasSize(8);
		JsonNode lastWeek = ofA.get("weeks").get(6);
		JsonNode thisWeek = ofA.get("weeks").get(7);
		assertThat(lastWeek.get("week").asString()).isEqualTo(week);
		assertThat(lastWeek.get("score").asDouble()).as("the first snapshot of the week stays").isEqualTo(tenth(66.0 / BOXES));
		assertThat(thisWeek.get("score").asDouble()).isEqualTo(tenth(100.0 / BOXES));
		assertThat(ofA.get("weeks").get(0).get("score").isNull()).isTrue();
		assertThat(community(trend, b).get("weeks").get(7).get("score").asDouble()).isZero();

		String page = Session.login(port, writer, Api.PASSWORD).get("/readiness?unit=" + street).body();
		assertThat(page).contains("data-testid=\"trend\"", week, next.get("week").asString(), tenth(66.0 / BOXES) + " C#", "甲计分社区");
	}

	@Test
	void anotherUnitAnswers404AndOnlyStreetsOrTheAdministratorTakeSnapshots() {
		assertError(api.get("shequ1", "/api/v1/readiness?orgUnitId=" + a), 404, "not_found");
		assertError(api.get("shequ1", "/api/v1/readiness/trend?orgUnitId=" + street), 404, "not_found");
		assertError(api.postJson("jiedao", "/api/v1/readiness/snapshots", "{\"orgUnitId\":" + street + "}"), 404, "not_found");
		assertThat(api.postJson("shequ1", "/api/v1/readiness/snapshots", "{}").status()).isEqualTo(403);
		assertThat(api.postJson("ceping", "/api/v1/readiness/snapshots", "{}").status()).isEqualTo(403);
		assertThat(api.get(writer, "/api/v1/readiness/trend?orgUnitId=" + street).json().get("communities").get(0).get("weeks").get(7)
				.get("score").isNull()).isTrue();
	}

	private JsonNode take(long unit) {
		Api.Response taken = api.postJson(writer, "/api/v1/readiness/snapshots", "{\"orgUnitId\":" + unit + "}");
		assertThat(taken.status()).as(taken.text()).isEqualTo(200);
		return taken.json();
	}

	private static JsonNode community(JsonNode trend, long id) {
		for (JsonNode c : trend.get("communities")) {
			if (c.get("id").asLong() == id) {
				return c;
			}
		}
		throw new AssertionError("no community " + id);
	}

	private static double tenth(double score) {
		return Math.round(score * 10) / 10.0;
	}

	private static void assertError(Api.Response response, int status, String error) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.json().get("error").asString()).isEqualTo(error);
	}

	private void file(long unit, String kind, String date, String... codes) {
		String list = String.join(",", java.util.stream.Stream.of(codes).map(c -> "\"" + c + "\"").toList());
		String meta = "{\"orgUnitId\":" + unit + ",\"kind\":\"" + kind + "\",\"title\":\"" + kind + date + "\",\"dateFormed\":\"" + date
				+ "\",\"indicatorCodes\":[" + list + "]}";
		Api.Response filed = api.file(writer, meta, Api.Part.file("p.jpg", DemoFiles.jpeg(16, 16, new Color((kind + unit).hashCode()), null)));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
	}

	private void plan(long unit, String title, String category) {
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
		String body = "{\"orgUnitId\":" + unit + ",\"title\":\"" + title + "\",\"category\":\"" + category + "\",\"indicatorCodes\":[],\"startsAt\":\""
				+ DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(now.minusMinutes(10)) + "\",\"endsAt\":\""
				+ DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(now.plusHours(1)) + "\",\"place\":\"社区广场\"}";
		Api.Response planned = api.postJson(writer, "/api/v1/activities", body);
		assertThat(planned.status()).as(planned.text()).isEqualTo(201);
	}

	private JsonNode readiness(long unit) {
		Api.Response response = api.get("admin", "/api/v1/readiness?orgUnitId=" + unit);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode indicator(JsonNode readiness, String code) {
		for (JsonNode indicator : readiness.get("indicators")) {
			if (indicator.get("code").asString().equals(code)) {
				return indicator;
			}
		}
		throw new AssertionError("no indicator " + code);
	}

	private long create(long parent, String kind, String name) {
		Api.Response created = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.id();
	}
}
