package org.chuangwen.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.util.stream.Stream;
import org.chuangwen.Api;
import org.chuangwen.DistrictOffice;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.evidence.ArchiveBox;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.orgs.Accounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The arithmetic of readiness on a fresh street with two communities: box completeness is required kinds present /
 * required kinds; a community is the mean of its 22 boxes; a street is the mean of its communities; recycling and
 * restoring move the numbers back and forth; the box page and the dashboard agree.
 */
@IntegrationTest
class ReadinessTests {

	private static final int BOXES = 22;

	@LocalServerPort
	int port;

	@Autowired
	EvidenceArchive archive;

	@Autowired
	Accounts accounts;

	Api api;
	long street;
	long a;
	long b;
	long buildingOfA;
	String writer;

	@BeforeEach
	void aFreshStreetWithTwoCommunities() {
		api = new Api(port);
		long district = 0;
		for (JsonNode unit : api.get("admin", "/api/v1/org-units").json()) {
			if (unit.get("kind").asString().equals("DISTRICT")) {
				district = unit.get("id").asLong();
			}
		}
		street = create(district, "STREET", "算术街道");
		a = create(street, "COMMUNITY", "甲社区");
		b = create(street, "COMMUNITY", "乙社区");
		buildingOfA = create(a, "BUILDING", "甲1号楼");
		writer = DistrictOffice.ensure(accounts, api);
	}

	@Test
	void anEmptyStreetIsAtZero() {
		JsonNode readiness = readiness(street);
		assertThat(readiness.get("completeness").asDouble()).isZero();
		assertThat(readiness.get("indicators")).hasSize(BOXES);
		assertThat(readiness.get("communities")).extracting(c -> c.get("completeness").asDouble()).containsOnly(0.0);
	}

	@Test
	void computesBoxCommunityAndStreetCompleteness() {
		file(a, "组织机构", "2009-03-01", "Ⅲ-115");
		file(buildingOfA, "制度", "2010-04-01", "Ⅲ-115");
		file(a, "图片", "2011-05-01", "Ⅲ-116", "Ⅲ-117");
		file(a, "图片", "2011-06-01", "Ⅲ-116");
		file(a, "领导讲话", "2010-01-01", "Ⅲ-115");
		file(b, "经费保障", "2010-02-01", "Ⅲ-115");

		JsonNode ofA = readiness(a);
		JsonNode boxA115 = indicator(ofA, "Ⅲ-115");
		assertThat(boxA115.get("completeness").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(boxA115.get("presentKinds")).extracting(JsonNode::asString).containsExactly("组织机构", "制度");
		assertThat(boxA115.get("missingKinds")).extracting(JsonNode::asString).containsExactly("经费保障");
		assertThat(boxA115.get("primaryPeriodCovered").asBoolean()).isTrue();
		JsonNode boxA116 = indicator(ofA, "Ⅲ-116");
		assertThat(boxA116.get("completeness").asDouble()).isCloseTo(1.0 / 7, within(1e-9));
		assertThat(boxA116.get("primaryPeriodCovered").asBoolean()).isFalse();
		assertThat(indicator(ofA, "Ⅲ-117").get("completeness").asDouble()).isCloseTo(1.0 / 7, within(1e-9));
		double overallA = (2.0 / 3 + 1.0 / 7 + 1.0 / 7) / BOXES;
		assertThat(ofA.get("completeness").asDouble()).isCloseTo(overallA, within(1e-9));

		double overallB = (1.0 / 3) / BOXES;
		assertThat(readiness(b).get("completeness").asDouble()).isCloseTo(overallB, within(1e-9));

		JsonNode ofStreet = readiness(street);
		assertThat(ofStreet.get("completeness").asDouble()).isCloseTo((overallA + overallB) / 2, within(1e-9));
		JsonNode street115 = indicator(ofStreet, "Ⅲ-115");
		assertThat(street115.get("completeness").asDouble()).isCloseTo((2.0 / 3 + 1.0 / 3) / 2, within(1e-9));
		assertThat(street115.get("presentKinds")).isEmpty();
		assertThat(street115.get("missingKinds")).extracting(JsonNode::asString).containsExactly("组织机构", "制度", "经费保障");
		assertThat(ofStreet.get("communities")).extracting(c -> c.get("name").asString()).containsExactly("甲社区", "乙社区");
		assertThat(ofStreet.get("communities")).extracting(c -> c.get("rank").asInt()).containsExactly(1, 2);
	}

	@Test
	void recyclingAndRestoringMoveTheNumbersAndTheBoxAgrees() {
		file(a, "组织机构", "2009-03-01", "Ⅲ-115");
		long rule = file(a, "制度", "2010-04-01", "Ⅲ-115");
		assertThat(indicator(readiness(a), "Ⅲ-115").get("completeness").asDouble()).isCloseTo(2.0 / 3, within(1e-9));

		assertThat(api.delete(writer, "/api/v1/materials/" + rule).status()).isEqualTo(204);
		assertThat(indicator(readiness(a), "Ⅲ-115").get("completeness").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
		assertThat(box(a, "Ⅲ-115").missingKinds()).containsExactly("制度", "经费保障");

		assertThat(api.postJson(writer, "/api/v1/materials/" + rule + "/restore", "").status()).isEqualTo(200);
		assertThat(api.postJson(writer, "/api/v1/materials/" + rule + "/restore", "").status()).isEqualTo(200);
		JsonNode restored = indicator(readiness(a), "Ⅲ-115");
		assertThat(restored.get("completeness").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
		ArchiveBox box = box(a, "Ⅲ-115");
		assertThat(box.completeness()).isEqualTo(restored.get("completeness").asDouble());
		assertThat(box.missingKinds()).containsExactly("经费保障");
		assertThat(box.percent()).isEqualTo(67);
	}

	@Test
	void theBoxGroupsByKindAndYearAndMarksLateMaterialWithoutHidingIt() {
		file(a, "图片", "2009-10-01", "Ⅲ-29");
		file(a, "图片", "2010-09-22", "Ⅲ-29");
		file(buildingOfA, "方案", "2011-01-05", "Ⅲ-29");
		ArchiveBox box = box(a, "Ⅲ-29");
		ArchiveBox.KindShelf photos = box.shelves().stream().filter(s -> s.kind().equals("图片")).findFirst().orElseThrow();
		assertThat(photos.years()).extracting(ArchiveBox.YearGroup::year).containsExactly(2009, 2010);
		assertThat(photos.count()).isEqualTo(2);
		assertThat(box.primaryCovered()).isTrue();
		assertThat(box.kindsOnlyOutsidePrimary()).containsExactly("方案");
		assertThat(box.materials()).hasSize(3).allSatisfy(m -> assertThat(m.late()).isTrue());
		assertThat(box.lateCount()).isEqualTo(3);
		assertThat(box.completeness()).isCloseTo(2.0 / 6, within(1e-9));
	}

	private long file(long unit, String kind, String date, String... codes) {
		String list = String.join(",", Stream.of(codes).map(c -> "\"" + c + "\"").toList());
		String meta = "{\"orgUnitId\":" + unit + ",\"kind\":\"" + kind + "\",\"title\":\"" + kind + date + "\",\"dateFormed\":\"" + date
				+ "\",\"indicatorCodes\":[" + list + "]}";
		Api.Response filed = api.file(writer, meta, Api.Part.file("p.jpg", DemoFiles.jpeg(16, 16, new Color(date.hashCode()), null)));
		assertThat(filed.status()).isEqualTo(201);
		return filed.id();
	}

	private ArchiveBox box(long unit, String code) {
		return accounts.callAs("admin", () -> archive.box(unit, code));
	}

	private JsonNode readiness(long unit) {
		Api.Response response = api.get("admin", "/api/v1/readiness?orgUnitId=" + unit);
		assertThat(response.status()).isEqualTo(200);
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
		Api.Response created = api.postJson("admin", "/api/v1/org-units",
				"{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
		assertThat(created.status()).isEqualTo(201);
		return created.id();
	}
}
