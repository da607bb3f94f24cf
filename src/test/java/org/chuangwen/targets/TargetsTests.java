package org.chuangwen.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The registry over real HTTP and a real database: the real 进社区覆盖率 and 公益活动参与率 measures fed by activities
 * planned, checked in and filed through the API; a declared value with its material and history; a target nobody
 * measures yet; refusals; another unit's data answering 404; the street's matrix.
 */
@IntegrationTest
class TargetsTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	@LocalServerPort
	int port;

	Api api;
	long street;
	long community;
	long[] buildings;

	@BeforeEach
	void aCommunityWithTwoBuildingsAndTwoResidents() {
		api = new Api(port);
		street = api.demoStreet();
		community = create(street, "COMMUNITY", "目标社区" + System.nanoTime() % 100000);
		buildings = new long[] {create(community, "BUILDING", "1号楼"), create(community, "BUILDING", "2号楼")};
		Api.Response imported = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx",
				roster(List.of(List.of("甲", "男", idNumber(community, 1), phone(community, 1), "1号楼", "1单元", "101", "户主", "户籍人口", ""),
						List.of("乙", "女", idNumber(community, 2), phone(community, 2), "2号楼", "1单元", "201", "户主", "户籍人口", ""))))));
		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).as(imported.text()).isEqualTo(2);
	}

	@Test
	void computedTargetsComeFromTheRealMeasuresWithTheirRows() {
		plan(buildings[0], "科普讲座", "科教进社区");
		long planting = plan(community, "春季种绿护绿", "公益活动(种绿护绿)");
		Api.Response in = api.postJson("jiedao", "/api/v1/activities/" + planting + "/check-ins",
				"{\"name\":\"甲\",\"phone\":\"" + phone(community, 1) + "\"}");
		assertThat(in.status()).as(in.text()).isEqualTo(201);
		assertThat(api.postJson("jiedao", "/api/v1/activities/" + planting + "/attendance", "{}").status()).isEqualTo(201);

		JsonNode coverage = target(targets("jiedao", community), "jinshequ-coverage");
		assertThat(coverage.get("source").asString()).isEqualTo("computed");
		assertThat(coverage.get("indicatorCode").asString()).isEqualTo("Ⅲ-117");
		assertThat(coverage.get("comparator").asString()).isEqualTo(">=");
		assertThat(coverage.get("threshold").decimalValue()).isEqualByComparingTo("80");
		assertThat(coverage.get("unit").asString()).isEqualTo("%");
		assertThat(coverage.get("value").decimalValue()).isEqualByComparingTo("50.0");
		assertThat(coverage.get("met").asBoolean()).isFalse();
		assertThat(coverage.get("gap").decimalValue()).isEqualByComparingTo("30.0");
		assertThat(coverage.get("definition").asString()).contains("楼院");
		assertThat(coverage.get("rows").asString()).startsWith("/activities/coverage?unit=" + community);
		assertThat(coverage.get("provenance").get("line").asInt()).isEqualTo(404);

		JsonNode participation = target(targets("jiedao", community), "public-welfare-participation");
		assertThat(participation.get("source").asString()).isEqualTo("computed");
		assertThat(participation.get("value").decimalValue()).isEqualByComparingTo("50.0");
		assertThat(participation.get("gap").decimalValue()).isEqualByComparingTo("20.0");
		assertThat(participation.get("basis").asString()).isEqualTo("1 / 2 人");
		assertThat(participation.get("rows").asString()).contains("/residents/participation?orgUnitId=" + community);
		assertThat(Session.login(port, "jiedao", Api.PASSWORD).get(participation.get("rows").asString()).body()).contains("甲");

		plan(buildings[1], "法律咨询", "法律进社区");
		JsonNode reached = target(targets("jiedao", community), "jinshequ-coverage");
		assertThat(reached.get("value").decimalValue()).isEqualByComparingTo("100.0");
		assertThat(reached.get("met").asBoolean()).isTrue();
		assertThat(reached.get("gap").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void aTargetWithoutMeasureIsNotBuiltUntilDeclaredWithAMaterialAndKeepsItsHistory() {
		JsonNode exercise = target(targets("jiedao", community), "regular-exercise");
		assertThat(exercise.get("source").asString()).isEqualTo("not_built");
		assertThat(exercise.get("value").isNull()).isTrue();
		assertThat(exercise.get("met").asBoolean()).isFalse();
		assertThat(exercise.get("indicatorCode").isNull()).isTrue();
		assertThat(exercise.get("provenance").get("document").asString()).contains("十二五");
		assertThat(exercise.get("provenance").get("phrase").asString()).isEqualTo("经常参加体育锻炼的人员达到60%以上");
		assertThat(exercise.get("provenance").get("line").asInt()).isEqualTo(148);

		long material = file(community, "体育锻炼调查汇总");
		Api.Response first = declare("regular-exercise", community, "55", material);
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		JsonNode declared = target(targets("jiedao", community), "regular-exercise");
		assertThat(declared.get("source").asString()).isEqualTo("declared");
		assertThat(declared.get("value").decimalValue()).isEqualByComparingTo("55");
		assertThat(declared.get("met").asBoolean()).isFalse();
		assertThat(declared.get("gap").decimalValue()).isEqualByComparingTo("5");
		assertThat(declared.get("rows").asString()).isEqualTo("/materials/" + material);
		assertThat(declared.get("declaredBy").asString()).isEqualTo("jiedao");

		assertThat(declare("regular-exercise", community, "62.5", material).status()).isEqualTo(201);
		JsonNode met = target(targets("jiedao", community), "regular-exercise");
		assertThat(met.get("value").decimalValue()).isEqualByComparingTo("62.5");
		assertThat(met.get("met").asBoolean()).isTrue();
		JsonNode history = api.get("jiedao", "/api/v1/targets/regular-exercise/declarations?orgUnitId=" + community).json();
		assertThat(history).extracting(h -> h.get("value").decimalValue().toPlainString()).containsExactly("62.5", "55.0");
	}

	@Test
	void refusedDeclarationsChangeNothing() {
		long material = file(community, "直选情况统计");
		assertError(declare("jinshequ-coverage", community, "90", material), 400, "target_computed");
		assertError(declare("no-such-target", community, "90", material), 404, "not_found");
		assertError(declare("direct-election-rate", community, "120", material), 400, "invalid_value");
		assertError(declare("direct-election-rate", community, "-1", material), 400, "invalid_value");
		assertError(api.postJson("jiedao", "/api/v1/targets/direct-election-rate/declarations", "{\"orgUnitId\":" + community + ",\"value\":100}"), 400,
				"missing_material");
		long elsewhere = file(create(street, "COMMUNITY", "别处社区" + System.nanoTime() % 100000), "别处的材料");
		assertError(declare("direct-election-rate", community, "100", elsewhere), 400, "material_elsewhere");
		long recycled = file(community, "已删除的材料");
		assertThat(api.delete("jiedao", "/api/v1/materials/" + recycled).status()).isLessThan(300);
		assertError(declare("direct-election-rate", community, "100", recycled), 400, "material_recycled");
		assertThat(api.get("jiedao", "/api/v1/targets/direct-election-rate/declarations?orgUnitId=" + community).json()).isEmpty();
		assertThat(target(targets("jiedao", community), "direct-election-rate").get("source").asString()).isEqualTo("not_built");
		assertError(api.postJson("ceping", "/api/v1/targets/direct-election-rate/declarations",
				"{\"orgUnitId\":" + community + ",\"value\":100,\"materialId\":" + material + "}"), 403, "forbidden");
	}

	@Test
	void anotherUnitsTargetsAnswer404() {
		long material = file(community, "锻炼统计");
		assertError(api.get("shequ1", "/api/v1/targets?orgUnitId=" + community), 404, "not_found");
		assertError(api.postJson("shequ1", "/api/v1/targets/regular-exercise/declarations",
				"{\"orgUnitId\":" + community + ",\"value\":70,\"materialId\":" + material + "}"), 404, "not_found");
		assertError(api.get("shequ1", "/api/v1/targets/regular-exercise/declarations?orgUnitId=" + community), 404, "not_found");
		assertError(api.get("shequ1", "/api/v1/targets/matrix?orgUnitId=" + street), 404, "not_found");
		assertThat(api.get("jiedao", "/api/v1/targets/regular-exercise/declarations?orgUnitId=" + community).json()).isEmpty();
	}

	@Test
	void theStreetMatrixListsEveryCommunityWithEveryTarget() {
		plan(buildings[0], "科普讲座", "科教进社区");
		JsonNode matrix = api.get("jiedao", "/api/v1/targets/matrix?orgUnitId=" + street).json();
		assertThat(matrix.get("name").asString()).isEqualTo("幸福街道");
		JsonNode ours = null;
		for (JsonNode row : matrix.get("communities")) {
			if (row.get("orgUnitId").asLong() == community) {
				ours = row;
			}
			assertThat(row.get("targets").size()).isEqualTo(targets("jiedao", community).size());
		}
		assertThat(ours).isNotNull();
		assertThat(target(ours.get("targets"), "jinshequ-coverage").get("value").decimalValue()).isEqualByComparingTo("50.0");
		assertThat(matrix.get("communities")).extracting(r -> r.get("name").asString()).contains("和平社区", "友谊社区");
		JsonNode streetWide = target(targets("jiedao", street), "jinshequ-coverage");
		assertThat(streetWide.get("source").asString()).isEqualTo("computed");
		assertThat(streetWide.get("basis").asString()).endsWith("个楼院");
	}

	@Test
	void planTasksTrackProgressWithHistory() {
		JsonNode plans = api.get("jiedao", "/api/v1/plans?orgUnitId=" + community).json();
		assertThat(plans).extracting(p -> p.get("part").asString()).containsExactly("第一篇", "第二篇", "第三篇");
		JsonNode infrastructure = task(plans, "plan-11th-3");
		assertThat(infrastructure.get("label").asString()).isEqualTo("未开始");
		assertThat(infrastructure.get("task").get("provenance").get("line").asInt()).isEqualTo(228);

		String path = "/api/v1/plans/tasks/plan-11th-3/status";
		Api.Response started = api.postJson("jiedao", path, "{\"orgUnitId\":" + community + ",\"status\":\"进行中\",\"note\":\"警务室扩建已立项\"}");
		assertThat(started.status()).as(started.text()).isEqualTo(201);
		assertThat(api.postJson("jiedao", path, "{\"orgUnitId\":" + community + ",\"status\":\"DONE\"}").status()).isEqualTo(201);
		assertError(api.postJson("jiedao", path, "{\"orgUnitId\":" + community + ",\"status\":\"差不多\"}"), 400, "invalid_status");
		assertError(api.postJson("jiedao", "/api/v1/plans/tasks/no-such-task/status", "{\"orgUnitId\":" + community + ",\"status\":\"DONE\"}"), 404,
				"not_found");
		assertError(api.postJson("shequ1", path, "{\"orgUnitId\":" + community + ",\"status\":\"DONE\"}"), 404, "not_found");

		assertThat(task(api.get("jiedao", "/api/v1/plans?orgUnitId=" + community).json(), "plan-11th-3").get("label").asString()).isEqualTo("已完成");
		JsonNode history = api.get("jiedao", path + "?orgUnitId=" + community).json();
		assertThat(history).extracting(h -> h.get("label").asString()).containsExactly("已完成", "进行中");
		assertThat(history.get(1).get("note").asString()).isEqualTo("警务室扩建已立项");
	}

	private static JsonNode task(JsonNode plans, String key) {
		for (JsonNode plan : plans) {
			for (JsonNode t : plan.get("tasks")) {
				if (t.get("task").get("key").asString().equals(key)) {
					return t;
				}
			}
		}
		throw new AssertionError("no task " + key);
	}

	private JsonNode targets(String user, long unit) {
		Api.Response response = api.get(user, "/api/v1/targets?orgUnitId=" + unit);
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode target(JsonNode targets, String key) {
		for (JsonNode t : targets) {
			if (t.get("key").asString().equals(key)) {
				assertThat(t.has("name") && t.has("threshold") && t.has("definition")).isTrue();
				return t;
			}
		}
		throw new AssertionError("no target " + key + " in " + targets);
	}

	private Api.Response declare(String key, long unit, String value, long material) {
		return api.postJson("jiedao", "/api/v1/targets/" + key + "/declarations",
				"{\"orgUnitId\":" + unit + ",\"value\":" + value + ",\"materialId\":" + material + "}");
	}

	private static void assertError(Api.Response response, int status, String error) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.json().get("error").asString()).isEqualTo(error);
		assertThat(response.json().get("message").asString()).isNotBlank();
	}

	private long file(long unit, String title) {
		String meta = "{\"orgUnitId\":" + unit + ",\"kind\":\"记录\",\"title\":\"" + title + "\",\"dateFormed\":\"2026-01-05\",\"indicatorCodes\":[\"Ⅲ-37\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file("p.jpg", DemoFiles.jpeg(16, 16, new Color(title.hashCode()), null)));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		return filed.id();
	}

	private long plan(long unit, String title, String category) {
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
		String body = "{\"orgUnitId\":" + unit + ",\"title\":\"" + title + "\",\"category\":\"" + category + "\",\"indicatorCodes\":[],\"startsAt\":\""
				+ LOCAL.format(now.minusMinutes(10)) + "\",\"endsAt\":\"" + LOCAL.format(now.plusHours(1)) + "\",\"place\":\"社区广场\"}";
		Api.Response planned = api.postJson("jiedao", "/api/v1/activities", body);
		assertThat(planned.status()).as(planned.text()).isEqualTo(201);
		return planned.id();
	}

	private long create(long parent, String kind, String name) {
		Api.Response created = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.id();
	}

	/** A phone number of its own per community and resident, so rosters of different tests never collide. */
	static String phone(long community, int n) {
		return "139" + "%06d".formatted(community % 1_000_000) + "%02d".formatted(n);
	}

	/** A valid 身份证号 (GB 11643 check character) of its own per community and resident. */
	static String idNumber(long community, int n) {
		// the 17th digit is odd for a man (resident 1) and even for a woman (resident 2), as the roster checks
		String first17 = "110101" + "1970" + "%02d".formatted(1 + community % 12) + "%02d".formatted(1 + n) + "%02d".formatted(community % 100)
				+ (n % 2 == 1 ? "1" : "2");
		int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	static byte[] roster(List<List<String>> rows) {
		List<String> header = List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体");
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("居民");
			for (int r = 0; r <= rows.size(); r++) {
				List<String> cells = r == 0 ? header : rows.get(r - 1);
				Row row = sheet.createRow(r);
				for (int c = 0; c < cells.size(); c++) {
					row.createCell(c).setCellValue(cells.get(c));
				}
			}
			book.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
