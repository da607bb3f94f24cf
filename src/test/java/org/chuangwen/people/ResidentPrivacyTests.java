package org.chuangwen.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * 身份证号 and phones never leave the module in clear — API, pages, Excel export, history, Ⅲ-53 rows, the log, the
 * database — except through the audited reveal, which read-only roles and administrators cannot use.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ResidentPrivacyTests {

	private static final String ID = Rosters.id("19700315", 447);
	private static final String PHONE = "13912345678";
	private static final String REFUSED_ID = Rosters.id("19700315", 449);
	private static final String REFUSED_PHONE = "13987654321";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noResponseExportPageOrLogLineShowsANumberUnlessRevealedByAnAllowedRole(CapturedOutput output) {
		Api api = new Api(port);
		long community = api.newCommunity("隐私社区");
		api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"1号楼\"}");
		JsonNode imported = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx", Rosters.xlsx(List.of(
				Rosters.row("张伟", "男", ID, PHONE, "1号楼", "101", "在职党员"),
				Rosters.row("李娜", "女", REFUSED_ID, REFUSED_PHONE, "1号楼", "102", "")))))).json();
		assertThat(imported.get("imported").asInt()).isEqualTo(1);
		assertThat(imported.get("rejected").asInt()).isEqualTo(1);
		long id = api.get("jiedao", "/api/v1/residents?orgUnitId=" + community).json().get("items").get(0).get("id").asLong();
		// a change, so that the history holds the old number too
		api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx", Rosters.xlsx(List.of(
				Rosters.row("张伟", "男", ID, "13912340000", "1号楼", "101", "在职党员"))))));
		api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx", Rosters.xlsx(List.of(
				Rosters.row("张伟", "男", ID, PHONE, "1号楼", "101", "在职党员"))))));

		List<String> seen = new ArrayList<>();
		for (String user : List.of("jiedao", "ceping")) {
			Api.Response list = api.get(user, "/api/v1/residents?orgUnitId=" + community);
			assertThat(list.status()).isEqualTo(200);
			assertThat(list.json().get("items").get(0).get("idNumber").asString()).isEqualTo(ID.substring(0, 6) + "********" + ID.substring(14));
			assertThat(list.json().get("items").get(0).get("phone").asString()).isEqualTo("139****5678");
			seen.add(list.text());
			seen.add(api.get(user, "/api/v1/residents/" + id).text());
			seen.add(api.get(user, "/api/v1/residents/" + id + "/history").text());
			seen.add(api.get(user, "/api/v1/residents/participation?orgUnitId=" + community).text());
			seen.add(excelText(api.get(user, "/api/v1/residents/export.xlsx?orgUnitId=" + community).body()));
			Session session = Session.login(port, user, Api.PASSWORD);
			seen.add(session.get("/residents?orgUnitId=" + community).body());
			// the search box shows back what the user typed; the rows found show the number masked
			assertThat(session.htmx("/residents?orgUnitId=" + community + "&q=" + PHONE).body()).contains("共 1 人").contains("139****5678");
			seen.add(session.get("/residents/" + id).body());
			seen.add(session.get("/residents/" + id + "/edit").body());
			seen.add(excelText(session.bytes("/residents/export.xlsx?orgUnitId=" + community)));
		}
		assertThat(String.join("\n", seen)).contains("张伟").doesNotContain(ID).doesNotContain(PHONE).doesNotContain("19700315")
				.doesNotContain(REFUSED_ID).doesNotContain(REFUSED_PHONE);
		assertThat(api.get("jiedao", "/api/v1/residents?orgUnitId=" + community + "&q=" + PHONE).json().get("total").asLong()).isEqualTo(1);

		long reveals = reveals(id);
		assertThat(api.postJson("ceping", "/api/v1/residents/" + id + "/reveal", "{}").status()).isEqualTo(403);
		assertThat(api.postJson("admin", "/api/v1/residents/" + id + "/reveal", "{}").status()).isEqualTo(403);
		assertThat(api.postJson("shequ1", "/api/v1/residents/" + id + "/reveal", "{}").status()).isEqualTo(404);
		assertThat(api.get("ceping", "/api/v1/residents/imports/" + imported.get("id").asLong() + "/report.xlsx").status()).isEqualTo(403);
		assertThat(reveals(id)).isEqualTo(reveals);
		Api.Response revealed = api.postJson("jiedao", "/api/v1/residents/" + id + "/reveal", "{}");
		assertThat(revealed.status()).isEqualTo(200);
		assertThat(revealed.json().get("idNumber").asString()).isEqualTo(ID);
		assertThat(revealed.json().get("phone").asString()).isEqualTo(PHONE);
		assertThat(reveals(id)).isEqualTo(reveals + 1);
		Session worker = Session.login(port, "jiedao", Api.PASSWORD);
		assertThat(worker.postForm("/residents/" + id + "/reveal", "/residents/" + id, "").body()).contains(ID).contains(PHONE);
		assertThat(reveals(id)).isEqualTo(reveals + 2);
		Session inspector = Session.login(port, "ceping", Api.PASSWORD);
		assertThat(inspector.get("/residents/" + id).body()).doesNotContain("data-testid=\"reveal\"");

		for (Map<String, Object> row : jdbc.sql("select * from resident where id = :id").param("id", id).query().listOfRows()) {
			assertThat(row.values().toString()).doesNotContain(ID).doesNotContain(PHONE);
		}
		assertThat(jdbc.sql("select * from resident_history where resident_id = :id").param("id", id).query().listOfRows().toString())
				.doesNotContain(ID).doesNotContain("13912340000");
		assertThat(jdbc.sql("select * from resident_import_row").query().listOfRows().toString()).doesNotContain(REFUSED_ID).doesNotContain(REFUSED_PHONE);
		assertThat(output.getAll()).doesNotContain(ID).doesNotContain(PHONE).doesNotContain(REFUSED_ID).doesNotContain(REFUSED_PHONE)
				.doesNotContain("13912340000");
	}

	private long reveals(long id) {
		return jdbc.sql("select count(*) from audit_event where action = 'PERSONAL_DATA_REVEALED' and object_type = 'resident' and object_id = :id")
				.param("id", String.valueOf(id)).query(Long.class).single();
	}

	private static String excelText(byte[] xlsx) {
		StringBuilder text = new StringBuilder();
		Rosters.read(xlsx).forEach(row -> text.append(String.join("|", row)).append('\n'));
		assertThat(text.toString()).isNotBlank();
		return text.toString();
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}
}
