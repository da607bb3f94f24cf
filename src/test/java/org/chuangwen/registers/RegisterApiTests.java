package org.chuangwen.registers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Registers over real HTTP: the shipped 社区物业统计表 imported, refused rows reported, masked, scoped and filed. */
@IntegrationTest
class RegisterApiTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(300);
	private static final List<String> PROPERTY = List.of("小区名称", "物业公司", "负责人", "联系电话", "管理面积(㎡)", "户数", "是否成立业主委员会");

	@LocalServerPort
	int port;

	Api api;
	long community;
	String tag;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		tag = String.valueOf(SEQUENCE.incrementAndGet());
		community = api.newCommunity("登记社区" + tag);
	}

	private JsonNode upload(String register, byte[] xlsx) {
		Api.Response r = api.postMultipart("jiedao", "/api/v1/registers/" + register + "/import?orgUnitId=" + community, List.of(Api.Part.file("表.xlsx", xlsx)));
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json();
	}

	private static List<Integer> counts(JsonNode result) {
		return List.of(result.get("imported").asInt(), result.get("updated").asInt(), result.get("unchanged").asInt(), result.get("rejected").asInt());
	}

	@Test
	void brokenRowsAreRefusedOneByOneReportedAndTheSameFileAgainChangesNothing() {
		byte[] sheet = Workbooks.xlsx(PROPERTY, List.of(
				List.of("阳光小区", "安居物业", "王经理", "13800000001", "12000.5", "320", "是"),
				List.of("月亮小区", "安居物业", "李经理", "13800000002", "8000", "很多", "否"),
				List.of("", "无名物业", "", "", "", "", ""),
				List.of("星星小区", "星辰物业", "赵经理", "12345", "5000", "100", "否"),
				List.of("河畔小区", "河畔物业", "钱经理", "13800000005", "6000", "150", "也许"),
				List.of("阳光小区", "别的物业", "", "", "", "", "")));
		JsonNode first = upload("property", sheet);
		assertThat(counts(first)).containsExactly(1, 0, 0, 5);
		assertThat(first.get("rejectedRows")).extracting(r -> r.get("row").asInt()).containsExactly(3, 4, 5, 6, 7);
		List<String> reasons = first.get("rejectedRows").valueStream().map(r -> r.get("reason").asString()).toList();
		assertThat(reasons.get(0)).contains("户数", "很多");
		assertThat(reasons.get(1)).contains("小区名称", "必填");
		assertThat(reasons.get(2)).contains("联系电话").doesNotContain("12345");
		assertThat(reasons.get(3)).contains("也许", "是、否");
		assertThat(reasons.get(4)).contains("同一条记录");

		Api.Response report = api.get("jiedao", "/api/v1/registers/imports/" + first.get("id").asLong() + "/report.xlsx");
		assertThat(report.status()).isEqualTo(200);
		List<List<String>> rows = Workbooks.read(report.body());
		assertThat(rows.get(0)).startsWith("小区名称").endsWith("错误原因");
		assertThat(rows).hasSize(6);
		assertThat(rows.get(1).get(5)).isEqualTo("很多");
		assertThat(api.get("shequ1", "/api/v1/registers/imports/" + first.get("id").asLong() + "/report.xlsx").status()).isEqualTo(404);

		assertThat(counts(upload("property", sheet))).containsExactly(0, 0, 1, 5);
		JsonNode changed = upload("property", Workbooks.xlsx(PROPERTY, List.of(List.of("阳光小区", "新物业", "王经理", "13900000009", "12000.5", "330", "是"))));
		assertThat(counts(changed)).containsExactly(0, 1, 0, 0);
		JsonNode row = api.get("jiedao", "/api/v1/registers/property/rows?orgUnitId=" + community).json().get("items").get(0);
		assertThat(row.get("version").asInt()).isEqualTo(2);
		assertThat(row.get("values").get("company").asString()).isEqualTo("新物业");
		JsonNode history = api.get("jiedao", "/api/v1/registers/property/rows/" + row.get("id").asLong() + "/history").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("values").get("company").asString()).isEqualTo("安居物业");
		assertThat(history.get(0).get("values").get("phone").asString()).isEqualTo("138****0001");
	}

	@Test
	void phoneAndIdNumbersAreMaskedInTheListAndTheExportAndFoundByExactValue() {
		String id = "11010119800101" + "001";
		id = id + checkChar(id);
		Api.Response added = api.postJson("jiedao", "/api/v1/registers/mobile-party-members/rows", "{\"orgUnitId\":" + community
				+ ",\"values\":{\"name\":\"刘党员\",\"id_number\":\"" + id + "\",\"phone\":\"13812345678\",\"direction\":\"流出\",\"since\":\"2026-03-01\"}}");
		assertThat(added.status()).as(added.text()).isEqualTo(201);
		assertThat(added.text()).doesNotContain(id).doesNotContain("13812345678");
		assertThat(added.json().get("values").get("id_number").asString()).isEqualTo("110101********0011".substring(0, 6) + "********" + id.substring(14));
		assertThat(added.json().get("values").get("phone").asString()).isEqualTo("138****5678");

		JsonNode byPhone = api.get("jiedao", "/api/v1/registers/mobile-party-members/rows?orgUnitId=" + community + "&q=138-1234-5678").json();
		assertThat(byPhone.get("total").asLong()).isEqualTo(1);
		assertThat(api.get("jiedao", "/api/v1/registers/mobile-party-members/rows?orgUnitId=" + community + "&q=" + id).json().get("total").asLong())
				.isEqualTo(1);
		assertThat(api.get("jiedao", "/api/v1/registers/mobile-party-members/rows?orgUnitId=" + community + "&q=1381234").json().get("total").asLong())
				.as("a part of a number finds nothing").isZero();
		assertThat(api.get("jiedao", "/api/v1/registers/mobile-party-members/rows?orgUnitId=" + community + "&q=%E5%88%98").json().get("total").asLong())
				.isEqualTo(1);

		Api.Response export = api.get("jiedao", "/api/v1/registers/mobile-party-members.xlsx?orgUnitId=" + community);
		assertThat(export.status()).isEqualTo(200);
		String cells = Workbooks.read(export.body()).toString();
		assertThat(cells).contains("刘党员", "138****5678", id.substring(0, 6) + "********").doesNotContain(id).doesNotContain("13812345678");

		Api.Response duplicate = api.postJson("jiedao", "/api/v1/registers/mobile-party-members/rows", "{\"orgUnitId\":" + community
				+ ",\"values\":{\"name\":\"刘党员\",\"id_number\":\"" + id + "\",\"direction\":\"流入\"}}");
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.json().get("error").asString()).isEqualTo("duplicate_row");
	}

	@Test
	void rowsStayInTheirScopeAndReadOnlyRolesWriteNothing() {
		Api.Response added = api.postJson("jiedao", "/api/v1/registers/hotline/rows", "{\"orgUnitId\":" + community
				+ ",\"values\":{\"ticket\":\"RX-1\",\"called_on\":\"2026-05-06\",\"kind\":\"求助\",\"content\":\"路灯不亮\"}}");
		assertThat(added.status()).as(added.text()).isEqualTo(201);
		long id = added.id();
		assertThat(api.get("shequ1", "/api/v1/registers/hotline/rows?orgUnitId=" + community).status()).isEqualTo(404);
		assertThat(api.get("shequ1", "/api/v1/registers/hotline/rows/" + id).status()).isEqualTo(404);
		assertThat(api.get("shequ1", "/api/v1/registers/hotline.xlsx?orgUnitId=" + community).status()).isEqualTo(404);
		Api.Response foreign = api.postJson("shequ1", "/api/v1/registers/hotline/rows", "{\"orgUnitId\":" + community
				+ ",\"values\":{\"ticket\":\"RX-2\",\"called_on\":\"2026-05-06\",\"kind\":\"求助\",\"content\":\"x\"}}");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
		assertThat(api.postJson("ceping", "/api/v1/registers/hotline/rows", "{\"orgUnitId\":" + community
				+ ",\"values\":{\"ticket\":\"RX-3\",\"called_on\":\"2026-05-06\",\"kind\":\"求助\",\"content\":\"x\"}}").status()).isEqualTo(403);
		assertThat(api.get("ceping", "/api/v1/registers/hotline/rows?orgUnitId=" + community).json().get("total").asLong()).isEqualTo(1);
		Api.Response badDate = api.postJson("jiedao", "/api/v1/registers/hotline/rows", "{\"orgUnitId\":" + community
				+ ",\"values\":{\"ticket\":\"RX-4\",\"called_on\":\"2026-02-30\",\"kind\":\"求助\",\"content\":\"x\"}}");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.json().get("error").asString()).isEqualTo("invalid_row");
		assertThat(badDate.json().get("message").asString()).contains("来电日期");
		assertThat(api.get("jiedao", "/api/v1/registers/nonsense/rows?orgUnitId=" + community).status()).isEqualTo(404);
		assertThat(api.get("jiedao", "/api/v1/registers/hotline/rows?orgUnitId=" + community).json().get("total").asLong()).isEqualTo(1);
	}

	@Test
	void onlyTheAdministratorDefinesANameOnceAndAChangeKeepsRowsReadable() {
		String name = "courtesy-" + tag;
		String schema = "{\"name\":\"" + name + "\",\"title\":\"文明劝导登记\",\"columns\":["
				+ "{\"key\":\"who\",\"label\":\"劝导员\",\"type\":\"text\",\"required\":true},"
				+ "{\"key\":\"spot\",\"label\":\"劝导地点\",\"type\":\"text\"},"
				+ "{\"key\":\"count\",\"label\":\"劝导人次\",\"type\":\"text\"}],\"keyColumns\":[\"who\"]}";
		Api.Response byStreet = api.postJson("jiedao", "/api/v1/registers", schema);
		assertThat(byStreet.status()).as(byStreet.text()).isEqualTo(403);
		Api.Response defined = api.postJson("admin", "/api/v1/registers", schema);
		assertThat(defined.status()).as(defined.text()).isEqualTo(201);
		assertThat(defined.json().get("version").asInt()).isEqualTo(1);
		Api.Response again = api.postJson("admin", "/api/v1/registers", schema);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("error").asString()).isEqualTo("duplicate_register");
		assertThat(api.postJson("admin", "/api/v1/registers", schema.replace(name, "Bad Name")).json().get("error").asString()).isEqualTo("invalid_register");
		assertThat(api.get("ceping", "/api/v1/registers").text()).contains(name, "社区物业统计表", "治安志愿者统计表");

		assertThat(api.postJson("jiedao", "/api/v1/registers/" + name + "/rows", "{\"orgUnitId\":" + community
				+ ",\"values\":{\"who\":\"老周\",\"spot\":\"东门路口\",\"count\":\"约二十\"}}").status()).isEqualTo(201);

		String changed = "{\"title\":\"文明劝导登记\",\"columns\":["
				+ "{\"key\":\"who\",\"label\":\"劝导员\",\"type\":\"text\",\"required\":true},"
				+ "{\"key\":\"count\",\"label\":\"劝导人次\",\"type\":\"number\"},"
				+ "{\"key\":\"day\",\"label\":\"日期\",\"type\":\"date\"}],\"keyColumns\":[\"who\"]}";
		Api.Response refused = api.putJson("admin", "/api/v1/registers/" + name, changed);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("error").asString()).isEqualTo("incompatible_change");
		assertThat(refused.json().get("message").asString()).contains("劝导人次", "1", "约二十");

		Api.Response accepted = api.putJson("admin", "/api/v1/registers/" + name, changed.replace("\"number\"", "\"text\""));
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(accepted.json().get("version").asInt()).isEqualTo(2);
		assertThat(accepted.json().get("retiredColumns").get("spot").asString()).isEqualTo("劝导地点");

		JsonNode row = api.get("jiedao", "/api/v1/registers/" + name + "/rows?orgUnitId=" + community).json().get("items").get(0);
		assertThat(row.get("values").get("who").asString()).isEqualTo("老周");
		assertThat(row.get("values").get("day").asString()).isEmpty();
		assertThat(row.get("retired").get("劝导地点").asString()).isEqualTo("东门路口");
		List<List<String>> export = Workbooks.read(api.get("jiedao", "/api/v1/registers/" + name + ".xlsx?orgUnitId=" + community).body());
		assertThat(export.toString()).contains("劝导地点（已停用列）", "东门路口");

		Api.Response edited = api.putJson("jiedao", "/api/v1/registers/" + name + "/rows/" + row.get("id").asLong(),
				"{\"values\":{\"who\":\"老周\",\"count\":\"20\",\"day\":\"2026-04-01\"}}");
		assertThat(edited.status()).as(edited.text()).isEqualTo(200);
		assertThat(edited.json().get("retired").get("劝导地点").asString()).as("kept through an edit").isEqualTo("东门路口");
	}

	@Test
	void thePropertyTableAddsUpTheRowsAndIsFiledIntoTheBoxOfIII17() {
		upload("property", Workbooks.xlsx(PROPERTY, List.of(
				List.of("阳光小区", "安居物业", "王经理", "13800000001", "12000", "320", "是"),
				List.of("月亮小区", "安居物业", "李经理", "13800000002", "8000", "180", "否"))));
		assertThat(api.get("ceping", "/api/v1/tables").text()).contains("社区物业统计表", "社区网吧统计表", "治安志愿者统计表");
		List<List<String>> table = Workbooks.read(api.get("jiedao", "/api/v1/tables/property.xlsx?orgUnitId=" + community + "&from=2026-01-01&to=2026-06-30")
				.body());
		assertThat(table.get(0).get(0)).isEqualTo("社区物业统计表");
		assertThat(table.toString()).contains("阳光小区", "138****0001").doesNotContain("13800000001");
		List<String> totals = table.stream().filter(r -> !r.isEmpty() && r.get(0).equals("合计")).findFirst().orElseThrow();
		assertThat(totals).containsSubsequence("2", "", "", "", "20000", "500", "1");

		String box = null;
		for (JsonNode indicator : api.get("jiedao", "/api/v1/readiness?orgUnitId=" + community).json().get("indicators")) {
			if (indicator.get("requiredKinds").toString().contains("社区物业统计表")) {
				box = indicator.get("code").asString();
			}
		}
		assertThat(box).contains("17");
		Api.Response filed = api.postJson("jiedao", "/api/v1/tables/property/file?orgUnitId=" + community + "&from=2026-01-01&to=2026-03-31", "");
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		assertThat(filed.json().get("kind").asString()).isEqualTo("社区物业统计表");
		assertThat(filed.json().get("indicatorCodes").toString()).contains(box);
	}

	@Test
	void aPersonColumnTakesOnlyAResidentOfTheRowsCommunity() {
		api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"1号楼\"}");
		String first17 = "1101011970020" + "3" + "%03d".formatted(Integer.parseInt(tag) % 1000);
		String id = first17 + checkChar(first17);
		List<String> header = List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体");
		Api.Response roster = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("花名册.xlsx",
				Workbooks.xlsx(header, List.of(List.of("孙巡逻", Integer.parseInt(tag) % 2 == 1 ? "男" : "女", id, "", "1号楼", "", "", "", "", ""))))));
		assertThat(roster.json().get("imported").asInt()).as(roster.text()).isEqualTo(1);
		long resident = api.get("jiedao", "/api/v1/residents?orgUnitId=" + community).json().get("items").get(0).get("id").asLong();
		String name = "watch-" + tag;
		assertThat(api.postJson("admin", "/api/v1/registers", "{\"name\":\"" + name + "\",\"title\":\"邻里守望登记\",\"columns\":["
				+ "{\"key\":\"who\",\"label\":\"守望人\",\"type\":\"person\",\"required\":true}]}").status()).isEqualTo(201);

		Api.Response added = api.postJson("jiedao", "/api/v1/registers/" + name + "/rows", "{\"orgUnitId\":" + community + ",\"values\":{\"who\":" + resident + "}}");
		assertThat(added.status()).as(added.text()).isEqualTo(201);
		assertThat(added.json().get("values").get("who").asString()).isEqualTo("孙巡逻(" + resident + ")");
		long elsewhere = api.newCommunity("别的社区" + tag);
		Api.Response refused = api.postJson("jiedao", "/api/v1/registers/" + name + "/rows", "{\"orgUnitId\":" + elsewhere + ",\"values\":{\"who\":" + resident + "}}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("message").asString()).contains("守望人", String.valueOf(resident));
	}

	private static char checkChar(String first17) {
		int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}
}
