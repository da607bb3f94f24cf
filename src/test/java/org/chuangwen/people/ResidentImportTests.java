package org.chuangwen.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A fresh community with two buildings, its roster imported, fixed and imported again over real HTTP. */
@IntegrationTest
class ResidentImportTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;
	long community;
	String tag;

	@BeforeEach
	void aFreshCommunityWithTwoBuildings() {
		api = new Api(port);
		long street = api.demoStreet();
		tag = String.valueOf(SEQUENCE.incrementAndGet());
		community = create(street, "COMMUNITY", "花名册社区" + tag);
		create(community, "BUILDING", "1号楼");
		create(community, "BUILDING", "2号楼");
	}

	@Test
	void aBrokenRowIsRefusedListedInTheReportAndImportedOnceFixedThere() {
		String zhang = id(1);
		String li = id(2);
		String wang = id(3);
		byte[] roster = Rosters.xlsx(List.of(
				Rosters.row("张三", "男", zhang, "13800000001", "1号楼", "101", "空巢老人"),
				Rosters.row("李四", "女", Rosters.broken(li), "13800000002", "1号楼", "102", ""),
				Rosters.row("王五", "男", wang, "13800000003", "9号楼", "201", ""),
				Rosters.row("张三", "男", zhang, "13800000001", "1号楼", "101", "空巢老人")));

		JsonNode first = upload(roster);
		assertThat(counts(first)).containsExactly(1, 0, 0, 3);
		assertThat(first.get("rejectedRows")).extracting(r -> r.get("row").asInt()).containsExactly(3, 4, 5);
		assertThat(first.get("rejectedRows").get(0).get("reason").asString()).contains("校验位");
		assertThat(first.get("rejectedRows").get(1).get("reason").asString()).contains("9号楼");
		assertThat(first.get("rejectedRows").get(2).get("reason").asString()).contains("重复");

		Api.Response report = api.get("jiedao", "/api/v1/residents/imports/" + first.get("id").asLong() + "/report.xlsx");
		assertThat(report.status()).isEqualTo(200);
		List<List<String>> sheet = Rosters.read(report.body());
		assertThat(sheet.get(0)).endsWith("错误原因").startsWith("姓名", "性别", "身份证号");
		assertThat(sheet).hasSize(4);
		assertThat(sheet.get(1).get(2)).isEqualTo(Rosters.broken(li));
		assertThat(sheet.get(2).get(10)).contains("9号楼");

		List<List<String>> fixed = new ArrayList<>();
		for (List<String> row : sheet) {
			fixed.add(new ArrayList<>(row));
		}
		fixed.get(1).set(2, li);
		fixed.get(2).set(4, "2号楼");
		JsonNode again = upload(Rosters.xlsx(fixed.get(0), fixed.subList(1, fixed.size())));
		assertThat(counts(again)).containsExactly(2, 0, 1, 0);
		assertThat(again.get("rejectedRows")).isEmpty();
		assertThat(api.get("jiedao", "/api/v1/residents?orgUnitId=" + community).json().get("total").asLong()).isEqualTo(3);
	}

	@Test
	void theSameFileTwiceChangesNothing() {
		byte[] roster = Rosters.xlsx(List.of(
				Rosters.row("赵六", "男", id(1), "13800000011", "1号楼", "301", ""),
				Rosters.row("钱七", "女", id(2), "", "2号楼", "302", "低保、残疾人")));
		assertThat(counts(upload(roster))).containsExactly(2, 0, 0, 0);
		assertThat(counts(upload(roster))).containsExactly(0, 0, 2, 0);
		JsonNode items = api.get("jiedao", "/api/v1/residents?orgUnitId=" + community).json().get("items");
		assertThat(items).extracting(r -> r.get("version").asInt()).containsOnly(1);
		assertThat(jdbc.sql("select count(*) from resident_history h join resident r on r.id = h.resident_id where r.org_path like :p")
				.param("p", "%/" + community + "/%").query(Long.class).single()).isZero();
	}

	@Test
	void aChangedRowUpdatesThePersonAndKeepsTheOldValues() {
		String sun = id(1);
		upload(Rosters.xlsx(List.of(Rosters.row("孙八", "男", sun, "13800000021", "1号楼", "401", ""))));
		JsonNode changed = upload(Rosters.xlsx(List.of(Rosters.row("孙八", "男", sun, "13900000022", "2号楼", "501", "失业人员"))));
		assertThat(counts(changed)).containsExactly(0, 1, 0, 0);

		JsonNode person = api.get("jiedao", "/api/v1/residents?orgUnitId=" + community).json().get("items").get(0);
		assertThat(person.get("version").asInt()).isEqualTo(2);
		assertThat(person.get("roomNo").asString()).isEqualTo("501");
		assertThat(person.get("phone").asString()).isEqualTo("139****0022");
		assertThat(person.get("careGroups")).extracting(JsonNode::asString).containsExactly("失业人员");
		JsonNode history = api.get("jiedao", "/api/v1/residents/" + person.get("id").asLong() + "/history").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("roomNo").asString()).isEqualTo("401");
		assertThat(history.get(0).get("phoneMasked").asString()).isEqualTo("138****0021");
	}

	@Test
	void sexBirthAndAgeComeFromTheIdNumberAndAWrongSexIsRefused() {
		JsonNode result = upload(Rosters.xlsx(List.of(
				Rosters.row("周九", "男", id(1), "", "1号楼", "601", ""),
				Rosters.row("吴十", "男", Rosters.id("19800229", 2), "", "1号楼", "602", ""))));
		assertThat(counts(result)).containsExactly(1, 0, 0, 1);
		assertThat(result.get("rejectedRows").get(0).get("reason").asString()).contains("性别");
		JsonNode zhou = api.get("jiedao", "/api/v1/residents?orgUnitId=" + community).json().get("items").get(0);
		assertThat(zhou.get("birthDate").asString()).isEqualTo(java.time.LocalDate.of(1950, 1, 1).plusDays(Integer.parseInt(tag)).toString());
		assertThat(zhou.get("sex").asString()).isEqualTo("男");
		assertThat(zhou.get("age").asInt()).isGreaterThanOrEqualTo(76);
	}

	@Test
	void pinyinAndExactNumbersFindAResident() {
		String zhang = id(1);
		upload(Rosters.xlsx(List.of(
				Rosters.row("张三", "男", zhang, "13800000031", "1号楼", "701", ""),
				Rosters.row("李四", "女", id(2), "13800000032", "1号楼", "702", ""),
				Rosters.row("单田芳", "男", id(3), "", "1号楼", "703", ""))));
		assertThat(names("zhangsan")).containsExactly("张三");
		assertThat(names("zs")).containsExactly("张三");
		assertThat(names("ZS")).containsExactly("张三");
		assertThat(names("张")).containsExactly("张三");
		assertThat(names(zhang)).containsExactly("张三");
		assertThat(names("13800000032")).containsExactly("李四");
		assertThat(names("shantianfang")).containsExactly("单田芳");
		assertThat(names("dantianfang")).containsExactly("单田芳");
		assertThat(names("1380000003")).isEmpty();
	}

	@Test
	void aForeignUnitIsNotFoundAndReadOnlyRolesCannotImport() {
		byte[] roster = Rosters.xlsx(List.of(Rosters.row("郑一", "男", id(1), "", "1号楼", "801", "")));
		Api.Response foreign = api.postMultipart("shequ1", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx", roster)));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
		assertThat(api.get("shequ1", "/api/v1/residents?orgUnitId=" + community).status()).isEqualTo(404);
		assertThat(api.postMultipart("ceping", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx", roster))).status())
				.isEqualTo(403);
		assertThat(api.get("jiedao", "/api/v1/residents?orgUnitId=" + community).json().get("total").asLong()).isZero();
	}

	@Test
	void aFileThatIsNoRosterIsRefusedAndNothingIsStored() {
		long jobs = jdbc.sql("select count(*) from resident_import").query(Long.class).single();
		Api.Response text = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community,
				List.of(Api.Part.file("r.xlsx", "姓名,身份证号".getBytes(StandardCharsets.UTF_8))));
		assertThat(text.status()).isEqualTo(400);
		assertThat(text.json().get("error").asString()).isEqualTo("invalid_roster");
		Api.Response columns = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community,
				List.of(Api.Part.file("r.xlsx", Rosters.xlsx(List.of("姓名", "电话"), List.of(List.of("张三", "1"))))));
		assertThat(columns.status()).isEqualTo(400);
		assertThat(columns.json().get("message").asString()).contains("身份证号");
		assertThat(jdbc.sql("select count(*) from resident_import").query(Long.class).single()).isEqualTo(jobs);
	}

	@Test
	void theTemplateHasTheColumnsWorkersUse() {
		Api.Response template = api.get("shequ1", "/api/v1/residents/template.xlsx");
		assertThat(template.status()).isEqualTo(200);
		assertThat(Rosters.read(template.body()).get(0)).containsExactlyElementsOf(Rosters.HEADER);
	}

	private JsonNode upload(byte[] roster) {
		Api.Response response = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("花名册.xlsx", roster)));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private static List<Integer> counts(JsonNode result) {
		return List.of(result.get("imported").asInt(), result.get("updated").asInt(), result.get("unchanged").asInt(), result.get("rejected").asInt());
	}

	private List<String> names(String q) {
		return api.get("jiedao", "/api/v1/residents?orgUnitId=" + community + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().get("items")
				.valueStream().map(r -> r.get("name").asString()).toList();
	}

	/** A number unique to this test run: the community's tag makes the birth date, {@code n} the sequence. */
	private String id(int n) {
		return Rosters.id(java.time.LocalDate.of(1950, 1, 1).plusDays(Integer.parseInt(tag)).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), n);
	}

	private long create(long parent, String kind, String name) {
		Api.Response created = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
		assertThat(created.status()).isEqualTo(201);
		return created.id();
	}
}
