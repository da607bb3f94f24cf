package org.chuangwen.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Facilities recorded with a photo filed as a material, checked against the 十一五/十二五 standards through their own
 * measures; changes keep history; refusals store nothing; another community answers 404.
 */
@IntegrationTest
class FacilitiesTests {

	@LocalServerPort
	int port;

	Api api;
	long community;

	@BeforeEach
	void aNewCommunity() {
		api = new Api(port);
		community = api.newCommunity("设施社区" + System.nanoTime() % 100000);
	}

	@Test
	void aFacilityWithItsPhotoIsCheckedAgainstTheStandardAndKeepsItsHistory() {
		JsonNode police = facility(facilities(), "POLICE");
		assertThat(police.get("area").isNull()).isTrue();
		assertThat(police.get("met").asBoolean()).isFalse();
		assertThat(police.get("standards").get(0).get("key").asString()).isEqualTo("facility-police-area");
		assertThat(police.get("standards").get(0).get("source").asString()).isEqualTo("computed");
		assertThat(police.get("standards").get(0).get("value").isNull()).isTrue();

		Api.Response small = record("{\"kind\":\"POLICE\",\"area\":48}", photo("警务室.jpg"));
		assertThat(small.status()).as(small.text()).isEqualTo(201);
		long material = small.json().get("materialId").asLong();
		JsonNode filed = api.get("jiedao", "/api/v1/materials/" + material).json();
		assertThat(filed.get("kind").asString()).isEqualTo("图片");
		assertThat(filed.get("indicatorCodes")).extracting(JsonNode::asString).containsExactly("Ⅲ-91");
		assertThat(filed.get("orgUnitId").asLong()).isEqualTo(community);

		JsonNode standard = facility(facilities(), "POLICE").get("standards").get(0);
		assertThat(standard.get("value").decimalValue()).isEqualByComparingTo("48");
		assertThat(standard.get("threshold").decimalValue()).isEqualByComparingTo("50");
		assertThat(standard.get("met").asBoolean()).isFalse();
		assertThat(standard.get("gap").decimalValue()).isEqualByComparingTo("2");
		assertThat(standard.get("rows").asString()).isEqualTo("/facilities?orgUnitId=" + community);
		assertThat(standard.get("provenance").get("phrase").asString()).isEqualTo("社区警务室面积不少于50平方米");

		assertThat(record("{\"kind\":\"POLICE\",\"area\":52.5}", photo("扩建后的警务室.jpg")).status()).isEqualTo(201);
		JsonNode enlarged = facility(facilities(), "POLICE");
		assertThat(enlarged.get("area").decimalValue()).isEqualByComparingTo("52.5");
		assertThat(enlarged.get("met").asBoolean()).isTrue();
		JsonNode history = api.get("jiedao", "/api/v1/facilities/history?orgUnitId=" + community + "&kind=POLICE").json();
		assertThat(history).extracting(h -> h.get("area").decimalValue().toPlainString()).containsExactly("52.5", "48.0");
	}

	@Test
	void booksFitnessPathBoardsAndOfficeServiceSpaceEachHaveTheirStandard() {
		assertThat(record("{\"kind\":\"MULTIPURPOSE\",\"area\":220,\"books\":1500}", photo("活动室.jpg")).status()).isEqualTo(201);
		assertThat(record("{\"kind\":\"OUTDOOR\",\"area\":1200,\"fitnessPath\":false}", photo("广场.jpg")).status()).isEqualTo(201);
		assertThat(record("{\"kind\":\"NOTICE_BOARD\"}", photo("公开栏.jpg")).status()).isEqualTo(201);
		assertThat(record("{\"kind\":\"PUBLICITY_BOARD\",\"present\":false}").status()).isEqualTo(201);
		assertThat(record("{\"kind\":\"OFFICE\",\"area\":120}", photo("办公室.jpg")).status()).isEqualTo(201);
		assertThat(record("{\"kind\":\"SERVICE_CENTER\",\"area\":160}", photo("服务中心.jpg")).status()).isEqualTo(201);

		JsonNode targets = api.get("jiedao", "/api/v1/targets?orgUnitId=" + community).json();
		assertTarget(targets, "facility-multipurpose-area", "220", true);
		assertTarget(targets, "library-books", "1500", false);
		assertThat(target(targets, "library-books").get("gap").decimalValue()).isEqualByComparingTo("500");
		assertThat(target(targets, "library-books").get("unit").asString()).isEqualTo("册");
		assertTarget(targets, "facility-outdoor-area", "1200", true);
		assertTarget(targets, "facility-fitness-path", "0", false);
		assertTarget(targets, "facility-notice-board", "1", true);
		assertTarget(targets, "facility-publicity-board", "0", false);
		assertTarget(targets, "office-service-area", "280", false);
		assertThat(target(targets, "office-service-area").get("gap").decimalValue()).isEqualByComparingTo("220");
		assertThat(target(targets, "facility-elderly-area").get("value").isNull()).isTrue();

		JsonNode outdoor = facility(facilities(), "OUTDOOR");
		assertThat(outdoor.get("fitnessPath").asBoolean()).isFalse();
		assertThat(outdoor.get("met").asBoolean()).as("1200 ㎡ but no fitness path").isFalse();
		assertThat(api.get("jiedao", "/api/v1/materials/" + outdoor.get("materialId").asLong()).json().get("indicatorCodes"))
				.extracting(JsonNode::asString).containsExactly("Ⅲ-37");

		JsonNode street = target(api.get("jiedao", "/api/v1/targets?orgUnitId=" + api.demoStreet()).json(), "facility-outdoor-area");
		assertThat(street.get("basis").asString()).contains("已登记");
	}

	@Test
	void refusedRecordsStoreNothing() {
		long materials = materials();
		assertError(record("{\"kind\":\"ELDERLY\"}", photo("老年活动室.jpg")), 400, "invalid_area");
		assertError(record("{\"kind\":\"ELDERLY\",\"area\":210}"), 400, "missing_photo");
		assertError(record("{\"kind\":\"ELDERLY\",\"area\":210}", new Api.Part("photo", "活动室.jpg", "image/jpeg",
				"%PDF-1.4 not a photo".getBytes(StandardCharsets.US_ASCII))), 400, "not_a_photo");
		assertError(record("{\"kind\":\"SWIMMING_POOL\",\"area\":210}", photo("泳池.jpg")), 400, "invalid_facility");
		assertError(api.postMultipart("jiedao", "/api/v1/facilities", List.of(Api.Part.json("meta",
				"{\"orgUnitId\":" + api.demoStreet() + ",\"kind\":\"ELDERLY\",\"area\":210}"), photo("街道.jpg"))), 400, "not_a_community");
		assertError(api.postMultipart("shequ1", "/api/v1/facilities", List.of(Api.Part.json("meta",
				"{\"orgUnitId\":" + community + ",\"kind\":\"ELDERLY\",\"area\":210}"), photo("别人的.jpg"))), 404, "not_found");
		assertError(api.postMultipart("ceping", "/api/v1/facilities", List.of(Api.Part.json("meta",
				"{\"orgUnitId\":" + community + ",\"kind\":\"ELDERLY\",\"area\":210}"), photo("测评员.jpg"))), 403, "forbidden");
		assertThat(api.get("jiedao", "/api/v1/facilities/history?orgUnitId=" + community + "&kind=ELDERLY").json()).isEmpty();
		assertThat(materials()).isEqualTo(materials);
		assertError(api.get("shequ1", "/api/v1/facilities?orgUnitId=" + community), 404, "not_found");
		assertError(api.get("shequ1", "/api/v1/facilities/history?orgUnitId=" + community + "&kind=ELDERLY"), 404, "not_found");
	}

	private long materials() {
		return api.get("jiedao", "/api/v1/materials?orgUnitId=" + community).json().get("total").asLong();
	}

	private JsonNode facilities() {
		Api.Response response = api.get("jiedao", "/api/v1/facilities?orgUnitId=" + community);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().get("facilities")).hasSize(9);
		return response.json().get("facilities");
	}

	private static JsonNode facility(JsonNode facilities, String kind) {
		for (JsonNode f : facilities) {
			if (f.get("kind").asString().equals(kind)) {
				return f;
			}
		}
		throw new AssertionError("no facility " + kind);
	}

	private static JsonNode target(JsonNode targets, String key) {
		for (JsonNode t : targets) {
			if (t.get("key").asString().equals(key)) {
				return t;
			}
		}
		throw new AssertionError("no target " + key);
	}

	private static void assertTarget(JsonNode targets, String key, String value, boolean met) {
		JsonNode t = target(targets, key);
		assertThat(t.get("source").asString()).as(key).isEqualTo("computed");
		assertThat(t.get("value").decimalValue()).as(key).isEqualByComparingTo(value);
		assertThat(t.get("met").asBoolean()).as(key).isEqualTo(met);
	}

	private Api.Response record(String meta, Api.Part... photos) {
		List<Api.Part> parts = new ArrayList<>();
		parts.add(Api.Part.json("meta", meta.replace("{", "{\"orgUnitId\":" + community + ",\"dateFormed\":\"2026-01-10\",")));
		parts.addAll(List.of(photos));
		return api.postMultipart("jiedao", "/api/v1/facilities", parts);
	}

	private static Api.Part photo(String name) {
		return new Api.Part("photo", name, "image/jpeg", DemoFiles.jpeg(24, 16, new Color(name.hashCode()), null));
	}

	private static void assertError(Api.Response response, int status, String error) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.json().get("error").asString()).isEqualTo(error);
		assertThat(response.json().get("message").asString()).isNotBlank();
	}
}
