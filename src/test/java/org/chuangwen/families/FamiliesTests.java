package org.chuangwen.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.people.AsCaller;
import org.chuangwen.targets.Measure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

/** 文明家庭 over real HTTP: nominate, review, award, revoke, the share, the 文明家庭统计表 and the measure. */
@IntegrationTest
class FamiliesTests {

	@LocalServerPort
	int port;

	@Autowired
	List<Measure> measures;

	@Autowired
	UserDetailsService accounts;

	Api api;
	FamilyFixture unit;

	@BeforeEach
	void aCommunityOfFiveHouseholds() {
		api = new Api(port);
		unit = new FamilyFixture(api, 5);
	}

	private Api.Response award(int household, String level, String awardedOn, String extra) {
		return api.postJson("jiedao", "/api/v1/families/awards", "{\"householdId\":" + unit.household(household) + ",\"level\":\"" + level
				+ "\",\"awardedOn\":\"" + awardedOn + "\"" + extra + "}");
	}

	private JsonNode share() {
		Api.Response share = api.get("jiedao", "/api/v1/families/share?orgUnitId=" + unit.community);
		assertThat(share.status()).isEqualTo(200);
		return share.json();
	}

	private String review(List<Long> criteria, int unmet) {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < criteria.size(); i++) {
			items.add("{\"criterionId\":" + criteria.get(i) + ",\"met\":" + (i != unmet) + ",\"note\":\"入户核实\"}");
		}
		return "{\"items\":[" + String.join(",", items) + "]}";
	}

	@Test
	void revokedAndCommunityLevelAwardsAreNotCountedAndAHouseholdCountsOnce() {
		JsonNode empty = share();
		assertThat(empty.get("households").asLong()).isEqualTo(5);
		assertThat(empty.get("awardedDistrictOrAbove").asLong()).isZero();
		assertThat(empty.get("target").asDouble()).isEqualTo(0.2);
		assertThat(empty.get("met").asBoolean()).isFalse();

		assertThat(award(1, "DISTRICT", "2026-03-01", ",\"plaqueOn\":\"2026-03-15\"").status()).isEqualTo(201);
		assertThat(award(2, "COMMUNITY", "2026-03-01", "").status()).isEqualTo(201);
		Api.Response city = award(3, "CITY", "2026-03-01", "");
		assertThat(city.status()).isEqualTo(201);
		assertThat(award(4, "NATIONAL", "2026-04-01", "").status()).isEqualTo(201);
		assertThat(award(4, "DISTRICT", "2025-04-01", "").status()).isEqualTo(201);

		Api.Response revoked = api.postJson("jiedao", "/api/v1/families/awards/" + city.id() + "/revoke", "{\"reason\":\"家庭成员违法\"}");
		assertThat(revoked.status()).isEqualTo(200);
		assertThat(revoked.json().get("revokeReason").asString()).isEqualTo("家庭成员违法");
		Api.Response twice = api.postJson("jiedao", "/api/v1/families/awards/" + city.id() + "/revoke", "{\"reason\":\"再次撤销\"}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("error").asString()).isEqualTo("already_revoked");
		assertThat(api.postJson("jiedao", "/api/v1/families/awards/" + city.id() + "/revoke", "{}").status()).isEqualTo(409);

		JsonNode share = share();
		assertThat(share.get("households").asLong()).isEqualTo(5);
		assertThat(share.get("awardedDistrictOrAbove").asLong()).as("household 1 and household 4 (twice)").isEqualTo(2);
		assertThat(share.get("share").decimalValue()).isEqualByComparingTo("0.4000");
		assertThat(share.get("met").asBoolean()).isTrue();
		assertThat(share.get("definition").asString()).isEqualTo("区级以上(含区级)文明家庭户数 ÷ 社区总户数");

		JsonNode awards = api.get("ceping", "/api/v1/families/awards?orgUnitId=" + unit.community).json();
		assertThat(awards).hasSize(5);
		assertThat(awards).filteredOn(a -> a.get("revoked").asBoolean()).extracting(a -> a.get("id").asLong()).containsExactly(city.id());
		JsonNode history = api.get("jiedao", "/api/v1/families/awards/" + city.id()).json().get("history");
		assertThat(history).extracting(c -> c.get("action").asString()).containsExactly("AWARDED", "REVOKED");

		Measure measure = measures.stream().filter(m -> m.key().equals("civilized-family-ratio")).findFirst().orElseThrow();
		Measure.Figure figure = AsCaller.run(accounts, "jiedao", () -> measure.measure(unit.community, LocalDate.now(org.chuangwen.platform.Zones.SHANGHAI)))
				.orElseThrow();
		assertThat(figure.value()).isEqualByComparingTo("40.0");
		assertThat(figure.value().scale()).isEqualTo(1);
		assertThat(figure.basis()).isEqualTo("2 / 5 户");
		assertThat(figure.rows()).isEqualTo("/families?orgUnitId=" + unit.community + "&counted=true#counted");
		Measure.Figure june = AsCaller.run(accounts, "jiedao", () -> measure.measure(unit.community, LocalDate.of(2026, 6, 30))).orElseThrow();
		assertThat(june.basis()).as("as of a day before the revocation the city award still stood").isEqualTo("3 / 5 户");
		Measure.Figure before = AsCaller.run(accounts, "jiedao", () -> measure.measure(unit.community, LocalDate.of(2025, 12, 31))).orElseThrow();
		assertThat(before.basis()).as("as of the end of 2025 only the 2025 award stood").isEqualTo("1 / 5 户");
	}

	@Test
	void aNominationIsReviewedAgainstTheFiveCriteriaAndOnlyAPassedOneLeadsToAnAward() {
		JsonNode criteria = api.get("jiedao", "/api/v1/families/criteria").json();
		assertThat(criteria).extracting(c -> c.get("name").asString()).containsExactly("爱国守法、热心公益好", "学习进取、爱岗敬业好", "男女平等、尊老爱幼好",
				"移风易俗、少生优生好", "勤俭持家、保护环境好");
		List<Long> ids = new ArrayList<>();
		criteria.forEach(c -> ids.add(c.get("id").asLong()));

		Api.Response nominated = api.postJson("jiedao", "/api/v1/families/nominations",
				"{\"householdId\":" + unit.household(1) + ",\"nominatorKind\":\"BUILDING_LEADER\",\"nominatorName\":\"李楼长\",\"reason\":\"孝老爱亲\"}");
		assertThat(nominated.status()).isEqualTo(201);
		assertThat(nominated.json().get("address").asString()).isEqualTo("8号楼1单元101");
		long nomination = nominated.id();

		Api.Response partial = api.postJson("jiedao", "/api/v1/families/nominations/" + nomination + "/review", review(ids.subList(0, 4), -1));
		assertThat(partial.status()).isEqualTo(400);
		assertThat(partial.json().get("error").asString()).isEqualTo("invalid_review");
		assertThat(partial.json().get("message").asString()).contains("逐项评定");

		Api.Response failed = api.postJson("jiedao", "/api/v1/families/nominations/" + nomination + "/review", review(ids, 2));
		assertThat(failed.status()).isEqualTo(201);
		assertThat(failed.json().get("passed").asBoolean()).isFalse();
		Api.Response notPassed = award(1, "DISTRICT", "2026-05-01", ",\"nominationId\":" + nomination);
		assertThat(notPassed.status()).isEqualTo(409);
		assertThat(notPassed.json().get("error").asString()).isEqualTo("not_passed");

		Api.Response passed = api.postJson("jiedao", "/api/v1/families/nominations/" + nomination + "/review", review(ids, -1));
		assertThat(passed.json().get("passed").asBoolean()).isTrue();
		assertThat(passed.json().get("items")).hasSize(5);
		assertThat(award(2, "DISTRICT", "2026-05-01", ",\"nominationId\":" + nomination).json().get("error").asString()).isEqualTo("invalid_nomination");
		Api.Response awarded = award(1, "DISTRICT", "2026-05-01", ",\"nominationId\":" + nomination);
		assertThat(awarded.status()).isEqualTo(201);
		assertThat(awarded.json().get("nominationId").asLong()).isEqualTo(nomination);
		Api.Response again = award(1, "DISTRICT", "2026-06-01", "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("error").asString()).isEqualTo("duplicate_award");

		JsonNode listed = api.get("jiedao", "/api/v1/families/nominations?orgUnitId=" + unit.community).json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("review").get("passed").asBoolean()).isTrue();
		assertThat(api.get("jiedao", "/api/v1/families/awards/" + awarded.id()).json().get("history")).extracting(c -> c.get("action").asString())
				.containsExactly("NOMINATED", "REVIEWED", "REVIEWED", "AWARDED");
	}

	@Test
	void anAdministratorAddsACriterionThatNewReviewsMustAssessAndRetiresIt() {
		String name = "邻里和睦、互帮互助好" + System.nanoTime() % 1000;
		assertThat(api.postJson("jiedao", "/api/v1/families/criteria", "{\"name\":\"" + name + "\"}").status()).isEqualTo(403);
		Api.Response added = api.postJson("admin", "/api/v1/families/criteria", "{\"name\":\"" + name + "\"}");
		assertThat(added.status()).isEqualTo(201);
		try {
			assertThat(api.postJson("admin", "/api/v1/families/criteria", "{\"name\":\"" + name + "\"}").json().get("error").asString())
					.isEqualTo("duplicate_criterion");
			JsonNode criteria = api.get("jiedao", "/api/v1/families/criteria").json();
			assertThat(criteria).hasSize(6);
			assertThat(criteria.get(5).get("name").asString()).isEqualTo(name);
			List<Long> ids = new ArrayList<>();
			criteria.forEach(c -> ids.add(c.get("id").asLong()));
			long nomination = api.postJson("jiedao", "/api/v1/families/nominations",
					"{\"householdId\":" + unit.household(1) + ",\"nominatorKind\":\"WORKER\",\"nominatorName\":\"王主任\"}").id();
			assertThat(api.postJson("jiedao", "/api/v1/families/nominations/" + nomination + "/review", review(ids.subList(0, 5), -1)).json().get("error")
					.asString()).as("the new criterion must be assessed").isEqualTo("invalid_review");
			assertThat(api.postJson("jiedao", "/api/v1/families/nominations/" + nomination + "/review", review(ids, -1)).status()).isEqualTo(201);
		} finally {
			assertThat(api.postJson("admin", "/api/v1/families/criteria/" + added.id() + "/retire", "").status()).isEqualTo(204);
		}
		assertThat(api.get("jiedao", "/api/v1/families/criteria").json()).hasSize(5);
	}

	@Test
	void aForeignHouseholdAnUnknownLevelAndAnInspectorAreRefused() {
		Api.Response foreign = api.postJson("shequ1", "/api/v1/families/awards",
				"{\"householdId\":" + unit.household(1) + ",\"level\":\"DISTRICT\",\"awardedOn\":\"2026-03-01\"}");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
		assertThat(api.postJson("jiedao", "/api/v1/families/awards", "{\"householdId\":999999999,\"level\":\"DISTRICT\",\"awardedOn\":\"2026-03-01\"}")
				.status()).isEqualTo(404);
		assertThat(api.postJson("shequ1", "/api/v1/families/nominations",
				"{\"householdId\":" + unit.household(1) + ",\"nominatorKind\":\"WORKER\",\"nominatorName\":\"王\"}").status()).isEqualTo(404);
		assertThat(api.get("shequ1", "/api/v1/families/share?orgUnitId=" + unit.community).status()).isEqualTo(404);

		Api.Response level = award(1, "GALAXY", "2026-03-01", "");
		assertThat(level.status()).isEqualTo(400);
		assertThat(level.json().get("error").asString()).isEqualTo("invalid_level");
		assertThat(level.json().get("message").asString()).contains("区级");

		assertThat(api.postJson("ceping", "/api/v1/families/awards",
				"{\"householdId\":" + unit.household(1) + ",\"level\":\"DISTRICT\",\"awardedOn\":\"2026-03-01\"}").status()).isEqualTo(403);
		assertThat(api.get("ceping", "/api/v1/families/share?orgUnitId=" + unit.community).status()).isEqualTo(200);
		long id = award(1, "DISTRICT", "2026-03-01", "").id();
		assertThat(api.postJson("ceping", "/api/v1/families/awards/" + id + "/revoke", "{\"reason\":\"测评员\"}").status()).isEqualTo(403);
		assertThat(api.postJson("shequ1", "/api/v1/families/awards/" + id + "/revoke", "{\"reason\":\"别的社区\"}").status()).isEqualTo(404);
		assertThat(api.get("jiedao", "/api/v1/families/awards?orgUnitId=" + unit.community).json().get(0).get("revoked").asBoolean()).isFalse();
	}

	@Test
	void theTableListsStandingAwardsWithoutNumbersAndIsFiledIntoTheBoxOf119() throws IOException {
		award(1, "DISTRICT", "2026-03-01", ",\"plaqueOn\":\"2026-03-20\"");
		award(2, "COMMUNITY", "2026-03-02", "");
		long revoked = award(3, "CITY", "2026-03-03", "").id();
		api.postJson("jiedao", "/api/v1/families/awards/" + revoked + "/revoke", "{\"reason\":\"搬离\"}");
		award(4, "CITY", "2025-03-03", "");

		Api.Response xlsx = api.get("jiedao", "/api/v1/tables/families.xlsx?orgUnitId=" + unit.community + "&from=2026-01-01&to=2026-06-30");
		assertThat(xlsx.status()).isEqualTo(200);
		List<String> lines = lines(xlsx.body());
		assertThat(lines.get(0)).isEqualTo("文明家庭统计表");
		assertThat(lines.get(3)).contains("户主", "住址", "家庭成员", "荣誉级别", "授予日期", "挂牌日期");
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("户主1|8号楼1单元101|户主1、配偶1|2|区级|2026-03-01|2026-03-20"));
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("户主2|8号楼1单元102").contains("社区级"));
		assertThat(String.join("\n", lines)).doesNotContain("户主3", "户主4");
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("合计|2 户|").contains("社区级 1 户、区级 1 户"));
		String all = String.join("\n", lines);
		unit.idNumbers.forEach(id -> assertThat(all).doesNotContain(id).doesNotContain(id.substring(6, 14)));
		assertThat(all).doesNotContain("13900000");

		assertThat(api.get("ceping", "/api/v1/tables").json().toString()).contains("文明家庭统计表");
		Api.Response filed = api.postJson("jiedao", "/api/v1/tables/families/file?orgUnitId=" + unit.community + "&from=2026-01-01&to=2026-06-30", "");
		assertThat(filed.status()).isEqualTo(201);
		assertThat(filed.json().get("kind").asString()).isEqualTo("文明家庭统计表");
		assertThat(filed.json().get("indicatorCodes").toString()).contains("Ⅲ-119");
		for (JsonNode indicator : api.get("jiedao", "/api/v1/readiness?orgUnitId=" + unit.community).json().get("indicators")) {
			if (indicator.get("code").asString().equals("Ⅲ-119")) {
				assertThat(indicator.get("presentKinds").toString()).contains("文明家庭统计表");
			}
		}
	}

	private static List<String> lines(byte[] xlsx) throws IOException {
		List<String> lines = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
				}
				lines.add(String.join("|", cells));
			}
		}
		return lines;
	}
}
