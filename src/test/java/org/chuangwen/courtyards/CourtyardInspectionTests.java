package org.chuangwen.courtyards;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.platform.Zones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** 文明楼院 through the real API and database: scores, refusals, scope, history, photos, keepers and awards. */
@IntegrationTest
class CourtyardInspectionTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(new Random().nextInt(400) * 2 + 1);

	@LocalServerPort
	int port;

	Api api;
	long community;
	long building;
	long otherBuilding;
	String name;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		name = "楼院社区" + SEQUENCE.incrementAndGet();
		community = api.newCommunity(name);
		building = unit(community, "BUILDING", "1号楼");
		otherBuilding = unit(community, "BUILDING", "2号楼");
	}

	@Test
	void theScoreAddsTheWeightsWithPartialCreditPerItem() {
		// standard 1: five of six items (20 × 5/6); 2 whole; 3: three of six (10); 4 not met; 5 met → 66.666… → 66.7
		Api.Response r = inspect("jiedao", building, """
				{"standards":[
				 {"code":"1.1","met":true},{"code":"1.2","met":false,"note":"楼长空缺"},{"code":"1.3","met":true},
				 {"code":"1.4","met":true},{"code":"1.5","met":true},{"code":"1.6","met":true},
				 {"code":"2","met":true},
				 {"code":"3.1","met":true},{"code":"3.2","met":true},{"code":"3.3","met":true},{"code":"3.4","met":false},
				 {"code":"3.5","met":false},{"code":"3.6","met":false,"note":"走道无人清扫"},
				 {"code":"4","met":false},{"code":"5","met":true}]}""");
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		JsonNode inspection = r.json();
		assertThat(inspection.get("id").asLong()).isPositive();
		assertThat(inspection.get("score").decimalValue()).isEqualByComparingTo("66.7");
		assertThat(codes(inspection.get("failing"))).containsExactly("1", "3", "4");
		assertThat(inspection.get("inspectedOn").asString()).isEqualTo(LocalDate.now(Zones.SHANGHAI).toString());
		JsonNode first = inspection.get("standards").get(0);
		assertThat(first.get("metItems").asInt()).isEqualTo(5);
		assertThat(first.get("items").asInt()).isEqualTo(6);
		assertThat(first.get("met").asBoolean()).isFalse();
		assertThat(inspection.get("marks").toString()).contains("楼长空缺").contains("走道无人清扫");

		// every item of a standard named by its code; items left out are not met
		assertThat(inspect("jiedao", building, all(true)).json().get("score").decimalValue()).isEqualByComparingTo("100.0");
		assertThat(inspect("jiedao", building, "{\"standards\":[{\"code\":\"5\",\"met\":true}]}").json().get("score").decimalValue())
				.isEqualByComparingTo("20.0");
		assertThat(inspect("jiedao", building, "{\"standards\":[{\"code\":\"1.4\",\"met\":true}]}").json().get("score").decimalValue())
				.isEqualByComparingTo("3.3");
		assertThat(inspect("jiedao", building, all(false)).json().get("score").decimalValue()).isEqualByComparingTo("0.0");
	}

	@Test
	void anUnknownOrRepeatedCodeIsRefusedAndNothingIsStored() {
		Api.Response unknown = inspect("jiedao", building, "{\"standards\":[{\"code\":\"1\",\"met\":true},{\"code\":\"6.1\",\"met\":true}]}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("error").asString()).isEqualTo("invalid_standard");
		assertThat(unknown.json().get("message").asString()).contains("6.1");

		Api.Response twice = inspect("jiedao", building, "{\"standards\":[{\"code\":\"1\",\"met\":true},{\"code\":\"1.2\",\"met\":false}]}");
		assertThat(twice.status()).isEqualTo(400);
		assertThat(twice.json().get("error").asString()).isEqualTo("invalid_standard");
		assertThat(twice.json().get("message").asString()).contains("1.2");

		Api.Response none = inspect("jiedao", building, "{\"standards\":[]}");
		assertThat(none.json().get("error").asString()).isEqualTo("invalid_standard");
		assertThat(api.get("jiedao", "/api/v1/buildings/" + building + "/inspections").json()).isEmpty();
	}

	@Test
	void aBuildingOutsideTheCallersScopeIsNotFound() {
		// shequ2 works in 友谊社区, not in this community
		Api.Response foreign = inspect("shequ2", building, all(true));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
		assertThat(api.get("shequ2", "/api/v1/buildings/" + building + "/inspections").status()).isEqualTo(404);
		assertThat(api.get("shequ2", "/api/v1/buildings/inspections?orgUnitId=" + community).status()).isEqualTo(404);
		// a unit that is not a building is not one either, and the inspector reads but does not write
		assertThat(inspect("jiedao", community, all(true)).status()).isEqualTo(404);
		assertThat(inspect("ceping", building, all(true)).status()).isEqualTo(403);
		assertThat(api.get("jiedao", "/api/v1/buildings/" + building + "/inspections").json()).isEmpty();
	}

	@Test
	void inspectionsAreKeptAndTheMatrixShowsTheLatest() {
		long first = inspect("jiedao", building, all(false)).id();
		long second = inspect("jiedao", building, "{\"standards\":[{\"code\":\"1\",\"met\":true},{\"code\":\"3\",\"met\":true}]}").id();

		JsonNode history = api.get("jiedao", "/api/v1/buildings/" + building + "/inspections").json();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("id").asLong()).isEqualTo(second);
		assertThat(history.get(1).get("id").asLong()).isEqualTo(first);
		assertThat(history.get(1).get("score").decimalValue()).isEqualByComparingTo("0.0");
		assertThat(api.get("jiedao", "/api/v1/buildings/" + building + "/inspections/" + first).json().get("score").decimalValue())
				.isEqualByComparingTo("0.0");
		assertThat(api.get("jiedao", "/api/v1/buildings/" + otherBuilding + "/inspections/" + first).status()).isEqualTo(404);

		JsonNode matrix = api.get("jiedao", "/api/v1/buildings/inspections?orgUnitId=" + community).json();
		assertThat(matrix.get("standards")).hasSize(5);
		JsonNode one = row(matrix, building);
		assertThat(one.get("inspectionId").asLong()).isEqualTo(second);
		assertThat(one.get("score").decimalValue()).isEqualByComparingTo("40.0");
		assertThat(codes(one.get("failing"))).containsExactly("2", "4", "5");
		assertThat(one.get("standards").get("1").asBoolean()).isTrue();
		assertThat(one.get("standards").get("2").asBoolean()).isFalse();
		assertThat(one.get("award").asString()).isEqualTo("NONE");
		JsonNode two = row(matrix, otherBuilding);
		assertThat(two.get("inspectionId").isNull()).isTrue();
		assertThat(two.get("failing")).isEmpty();
	}

	@Test
	void photosAreFiledAsOnePictureMaterialOfTheBoxAndOnlyPhotosAreTaken() {
		long inspection = inspect("jiedao", building, all(true)).id();
		Api.Response filed = api.postMultipart("jiedao", "/api/v1/buildings/" + building + "/inspections/" + inspection + "/photos",
				List.of(photo("楼道.jpg"), photo("板报.jpg")));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		String day = LocalDate.now(Zones.SHANGHAI).toString();
		assertThat(filed.json().get("title").asString()).isEqualTo("1号楼文明楼院检查(" + day + ")");
		assertThat(filed.json().get("files").asInt()).isEqualTo(2);

		JsonNode material = api.get("jiedao", "/api/v1/materials/" + filed.json().get("materialId").asLong()).json();
		assertThat(material.get("kind").asString()).isEqualTo("图片");
		assertThat(material.get("dateFormed").asString()).isEqualTo(day);
		assertThat(material.get("orgUnitId").asLong()).isEqualTo(building);
		assertThat(material.get("responsibleParty").asString()).isEqualTo(name);
		assertThat(codes(material.get("indicatorCodes"))).containsExactly("Ⅲ-117");
		assertThat(api.get("jiedao", "/api/v1/buildings/" + building + "/inspections/" + inspection).json().get("photoMaterialIds").get(0).asLong())
				.isEqualTo(filed.json().get("materialId").asLong());

		long materialsBefore = api.get("jiedao", "/api/v1/materials?orgUnitId=" + community).json().get("total").asLong();
		Api.Response pdf = api.postMultipart("jiedao", "/api/v1/buildings/" + building + "/inspections/" + inspection + "/photos",
				List.of(photo("楼道2.jpg"), new Api.Part("files", "检查表.docx", "application/octet-stream", DemoFiles.docx("检查表", "楼院检查记录"))));
		assertThat(pdf.status()).isEqualTo(400);
		assertThat(pdf.json().get("error").asString()).isEqualTo("not_a_photo");
		assertThat(pdf.json().get("message").asString()).contains("检查表");
		assertThat(api.get("jiedao", "/api/v1/materials?orgUnitId=" + community).json().get("total").asLong()).isEqualTo(materialsBefore);
		assertThat(api.get("jiedao", "/api/v1/buildings/" + building + "/inspections/" + inspection).json().get("photoMaterialIds")).hasSize(1);

		assertThat(api.postMultipart("shequ2", "/api/v1/buildings/" + building + "/inspections/" + inspection + "/photos", List.of(photo("x.jpg")))
				.status()).isEqualTo(404);
		assertThat(api.postMultipart("jiedao", "/api/v1/buildings/" + otherBuilding + "/inspections/" + inspection + "/photos", List.of(photo("x.jpg")))
				.status()).isEqualTo(404);
	}

	@Test
	void keepersAreResidentsOfTheCommunityAndProposeTheirItems() {
		long leader = resident("楼长甲");
		JsonNode before = api.get("jiedao", "/api/v1/buildings/" + building + "/checklist").json();
		assertThat(item(before, "1.2").get("proposed").asBoolean()).isFalse();

		Api.Response assigned = api.postJson("jiedao", "/api/v1/buildings/" + building + "/keepers", "{\"role\":\"LEADER\",\"residentId\":" + leader + "}");
		assertThat(assigned.status()).as(assigned.text()).isEqualTo(201);
		JsonNode after = api.get("jiedao", "/api/v1/buildings/" + building + "/checklist").json();
		assertThat(item(after, "1.2").get("proposed").asBoolean()).isTrue();
		assertThat(item(after, "1.2").get("keeper").asString()).isEqualTo("楼长甲");
		assertThat(item(after, "1.3").get("proposed").asBoolean()).isFalse();

		long sweeper = resident("卫生乙");
		assertThat(api.postJson("jiedao", "/api/v1/buildings/" + building + "/keepers", "{\"role\":\"SANITATION\",\"residentId\":" + sweeper + "}")
				.status()).isEqualTo(201);
		assertThat(api.postJson("jiedao", "/api/v1/buildings/" + building + "/keepers", "{\"role\":\"LEADER\",\"residentId\":" + sweeper + "}")
				.status()).isEqualTo(201);
		JsonNode keepers = api.get("jiedao", "/api/v1/buildings/" + building + "/keepers").json();
		assertThat(keepers.get("current").get("LEADER").get("residentName").asString()).isEqualTo("卫生乙");
		assertThat(keepers.get("history")).hasSize(3);

		Api.Response badRole = api.postJson("jiedao", "/api/v1/buildings/" + building + "/keepers", "{\"role\":\"BOSS\",\"residentId\":" + leader + "}");
		assertThat(badRole.json().get("error").asString()).isEqualTo("invalid_role");
		Api.Response unknown = api.postJson("jiedao", "/api/v1/buildings/" + building + "/keepers", "{\"role\":\"LEADER\",\"residentId\":999999999}");
		assertThat(unknown.status()).isEqualTo(404);
		// a resident of another community is not this building's keeper
		long elsewhere = api.newCommunity("别的社区" + SEQUENCE.incrementAndGet());
		long foreignBuilding = unit(elsewhere, "BUILDING", "1号楼");
		assertThat(api.postJson("jiedao", "/api/v1/buildings/" + foreignBuilding + "/keepers", "{\"role\":\"LEADER\",\"residentId\":" + leader + "}")
				.status()).isEqualTo(404);
		assertThat(api.get("jiedao", "/api/v1/buildings/" + building + "/keepers").json().get("history")).hasSize(3);
	}

	@Test
	void anAwardPerYearIsRevokedWithAReasonAndTheHistoryStays() {
		int year = LocalDate.now(Zones.SHANGHAI).getYear();
		Api.Response awarded = api.postJson("jiedao", "/api/v1/buildings/" + building + "/awards", "{\"year\":" + year + "}");
		assertThat(awarded.status()).as(awarded.text()).isEqualTo(201);
		assertThat(row(matrix(), building).get("award").asString()).isEqualTo("AWARDED");

		Api.Response twice = api.postJson("jiedao", "/api/v1/buildings/" + building + "/awards", "{\"year\":" + year + "}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("error").asString()).isEqualTo("already_awarded");

		String revocation = "/api/v1/buildings/" + building + "/awards/" + awarded.id() + "/revocation";
		assertThat(api.postJson("jiedao", revocation, "{\"reason\":\" \"}").json().get("error").asString()).isEqualTo("missing_reason");
		Api.Response revoked = api.postJson("jiedao", revocation, "{\"reason\":\"楼道堆放杂物经整改未果\"}");
		assertThat(revoked.status()).as(revoked.text()).isEqualTo(200);
		assertThat(revoked.json().get("reason").asString()).isEqualTo("楼道堆放杂物经整改未果");
		assertThat(api.postJson("jiedao", revocation, "{\"reason\":\"再撤一次\"}").json().get("error").asString()).isEqualTo("already_revoked");
		assertThat(row(matrix(), building).get("award").asString()).isEqualTo("REVOKED");
		assertThat(api.postJson("shequ2", revocation, "{\"reason\":\"越权\"}").status()).isEqualTo(404);

		assertThat(api.postJson("jiedao", "/api/v1/buildings/" + building + "/awards", "{\"year\":" + year + "}").status()).isEqualTo(201);
		assertThat(row(matrix(), building).get("award").asString()).isEqualTo("AWARDED");
		JsonNode history = api.get("jiedao", "/api/v1/buildings/" + building + "/awards").json();
		assertThat(history).hasSize(2);
		assertThat(history.get(1).get("revokedOn").isNull()).isFalse();
		assertThat(api.postJson("jiedao", "/api/v1/buildings/" + building + "/awards", "{\"year\":" + (year + 5) + "}").json().get("error").asString())
				.isEqualTo("invalid_date");
	}

	@Test
	void thePageFormStoresMarksAndPhotosTogetherOrNeither() {
		Session worker = Session.login(port, "jiedao", Api.PASSWORD);
		String page = "/courtyards/buildings/" + building;
		assertThat(worker.get(page).body()).contains("capture=\"environment\"").contains("1.2 有楼长");
		assertThat(Session.login(port, "shequ2", Api.PASSWORD).get(page).status()).isEqualTo(404);

		List<Api.Part> marks = List.of(text("met", "1.1"), text("met", "2.1"), text("note-1.2", "楼长空缺"));
		List<Api.Part> withDocument = new ArrayList<>(marks);
		withDocument.add(new Api.Part("photos", "检查表.docx", "application/octet-stream", DemoFiles.docx("检查表", "楼院检查记录")));
		Session.Page refused = worker.postMultipart(page + "/inspections", page, withDocument);
		assertThat(refused.status()).isEqualTo(302);
		assertThat(worker.get(page).body()).contains("检查表.docx").contains("不是照片");
		assertThat(api.get("jiedao", "/api/v1/buildings/" + building + "/inspections").json()).isEmpty();

		List<Api.Part> withPhoto = new ArrayList<>(marks);
		withPhoto.add(new Api.Part("photos", "楼道.jpg", "image/jpeg", photo("楼道.jpg").content()));
		assertThat(worker.postMultipart(page + "/inspections", page, withPhoto).status()).isEqualTo(302);
		assertThat(worker.get(page).body()).contains("得分 23.3");
		JsonNode history = api.get("jiedao", "/api/v1/buildings/" + building + "/inspections").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("score").decimalValue()).isEqualByComparingTo("23.3");
		assertThat(history.get(0).get("photoMaterialIds")).hasSize(1);
		assertThat(history.get(0).get("marks").toString()).contains("楼长空缺");
	}

	@Test
	void thePageAssignsAKeeperWhoseItemIsThenTickedAndAwardsAndRevokes() {
		long leader = resident("楼长丙");
		Session worker = Session.login(port, "jiedao", Api.PASSWORD);
		String page = "/courtyards/buildings/" + building;
		assertThat(worker.get(page).body()).doesNotContainPattern("value=\"1\\.2\"[^>]*checked");

		assertThat(worker.postForm(page + "/keepers", page, "role=LEADER&residentId=" + leader).status()).isEqualTo(302);
		String after = worker.get(page).body();
		assertThat(after).contains("已任命楼长:楼长丙");
		assertThat(after).containsPattern("value=\"1\\.2\"[^>]*checked");
		assertThat(after).doesNotContainPattern("value=\"1\\.3\"[^>]*checked");

		int year = LocalDate.now(Zones.SHANGHAI).getYear();
		assertThat(worker.postForm(page + "/awards", page, "year=" + year).status()).isEqualTo(302);
		assertThat(worker.get(page).body()).contains("已评为 " + year + " 年度文明楼院");
		long award = api.get("jiedao", "/api/v1/buildings/" + building + "/awards").json().get(0).get("id").asLong();
		assertThat(worker.postForm(page + "/awards", page, "year=" + year).status()).isEqualTo(302);
		assertThat(worker.get(page).body()).contains("请先撤销");
		assertThat(worker.postForm(page + "/awards/" + award + "/revoke", page, "reason=" + java.net.URLEncoder.encode("评比复查未通过",
				java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(302);
		assertThat(worker.get(page).body()).contains("评比复查未通过");
		assertThat(worker.get("/courtyards?unit=" + community).body()).contains("已撤销");
	}

	private static Api.Part text(String field, String value) {
		return new Api.Part(field, null, "text/plain; charset=UTF-8", value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private JsonNode matrix() {
		return api.get("jiedao", "/api/v1/buildings/inspections?orgUnitId=" + community).json();
	}

	private Api.Response inspect(String user, long buildingId, String json) {
		return api.postJson(user, "/api/v1/buildings/" + buildingId + "/inspections", json);
	}

	private static String all(boolean met) {
		StringBuilder json = new StringBuilder("{\"standards\":[");
		for (int i = 1; i <= 5; i++) {
			json.append(i > 1 ? "," : "").append("{\"code\":\"").append(i).append("\",\"met\":").append(met).append('}');
		}
		return json.append("]}").toString();
	}

	private long unit(long parent, String kind, String unitName) {
		Api.Response created = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":\"" + unitName + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.id();
	}

	private static JsonNode row(JsonNode matrix, long buildingId) {
		for (JsonNode row : matrix.get("buildings")) {
			if (row.get("buildingId").asLong() == buildingId) {
				return row;
			}
		}
		throw new AssertionError("building not in the matrix: " + buildingId);
	}

	private static JsonNode item(JsonNode checklist, String code) {
		for (JsonNode standard : checklist.get("standards")) {
			for (JsonNode item : standard.get("items")) {
				if (item.get("code").asString().equals(code)) {
					return item;
				}
			}
		}
		throw new AssertionError("no item " + code);
	}

	private static List<String> codes(JsonNode array) {
		List<String> codes = new ArrayList<>();
		array.forEach(n -> codes.add(n.asString()));
		return codes;
	}

	private static Api.Part photo(String fileName) {
		return new Api.Part("files", fileName, "image/jpeg", DemoFiles.jpeg(800, 600, new Color(0x2E7D32), LocalDateTime.now(Zones.SHANGHAI).minusHours(1)));
	}

	/** Imports one resident into the community's 1号楼 and answers their id. */
	private long resident(String residentName) {
		int n = SEQUENCE.addAndGet(2);
		String first17 = "110101" + "1970%02d%02d".formatted(1 + n % 12, 1 + n % 28) + "%03d".formatted((n / 2 % 500) * 2 + 1);
		List<String> row = List.of(residentName, "男", first17 + check(first17), "139" + "%08d".formatted(new Random().nextInt(100_000_000)), "1号楼",
				"1单元", "10" + (n % 10), "户主", "户籍人口", "");
		Api.Response imported = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx", xlsx(row))));
		assertThat(imported.json().get("imported").asInt()).as(imported.text()).isEqualTo(1);
		for (JsonNode item : api.get("jiedao", "/api/v1/residents?orgUnitId=" + community + "&size=200").json().get("items")) {
			if (item.get("name").asString().equals(residentName)) {
				return item.get("id").asLong();
			}
		}
		throw new AssertionError("resident not listed: " + residentName);
	}

	private static byte[] xlsx(List<String> row) {
		List<String> header = List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体");
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = book.createSheet("居民");
			for (int r = 0; r < 2; r++) {
				Row line = sheet.createRow(r);
				List<String> cells = r == 0 ? header : row;
				for (int c = 0; c < cells.size(); c++) {
					line.createCell(c).setCellValue(cells.get(c));
				}
			}
			book.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static char check(String first17) {
		int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}
}
