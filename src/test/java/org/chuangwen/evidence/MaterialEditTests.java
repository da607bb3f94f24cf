package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
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

/**
 * Correcting what was filed: the archival number follows the new year and the old one is not handed out again, every
 * changed field is kept as history and audited, and a refused correction changes nothing.
 */
@IntegrationTest
class MaterialEditTests {

	private static final String BOX = "Ⅲ-116";

	@LocalServerPort
	int port;

	Api api;
	Session session;
	long community;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		community = api.newCommunity("更正社区");
	}

	@Test
	void aNewYearGivesANewNumberKeepsTheOldOneRetiredAndTheHistory() throws IOException {
		long plan = file("方案", "2010-03-01", "2010年活动方案");
		long summary = file("总结", "2010-06-01", "2010年活动总结");
		assertThat(catalogue()).containsEntry(plan, "Q001-WS·2010-D30-Ⅲ116-0001").containsEntry(summary, "Q001-WS·2010-D30-Ⅲ116-0002");

		Api.Response corrected = api.putJson("jiedao", "/api/v1/materials/" + summary, "{\"dateFormed\":\"2009-12-20\",\"documentNumber\":\"幸办〔2009〕7号\"}");
		assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
		assertThat(corrected.json().get("dateFormed").asString()).isEqualTo("2009-12-20");
		assertThat(corrected.json().get("title").asString()).as("fields not sent stay").isEqualTo("2010年活动总结");
		assertThat(corrected.json().get("files")).hasSize(1);

		long later = file("方案", "2010-09-01", "2010年第二次活动方案");
		Map<Long, String> numbers = catalogue();
		assertThat(numbers).containsEntry(plan, "Q001-WS·2010-D30-Ⅲ116-0001")
				.containsEntry(summary, "Q001-WS·2009-D30-Ⅲ116-0001")
				.as("0002 of 2010 was given once and is not given again")
				.containsEntry(later, "Q001-WS·2010-D30-Ⅲ116-0003");

		JsonNode history = api.get("jiedao", "/api/v1/materials/" + summary + "/history").json();
		assertThat(history).hasSize(2);
		Map<String, JsonNode> byField = new LinkedHashMap<>();
		history.forEach(change -> byField.put(change.get("field").asString(), change));
		assertThat(byField.get("dateFormed").get("oldValue").asString()).isEqualTo("2010-06-01");
		assertThat(byField.get("dateFormed").get("newValue").asString()).isEqualTo("2009-12-20");
		assertThat(byField.get("dateFormed").get("changedBy").asString()).isEqualTo("jiedao");
		assertThat(byField.get("dateFormed").get("changedAt").isNull()).isFalse();
		assertThat(byField.get("documentNumber").get("oldValue").isNull()).isTrue();
		assertThat(byField.get("documentNumber").get("newValue").asString()).isEqualTo("幸办〔2009〕7号");

		assertThat(auditDetails(summary)).anySatisfy(detail -> assertThat(detail).contains("dateFormed: 2010-06-01 → 2009-12-20"));
	}

	@Test
	void withoutPermissionOrWithBadInputNothingChanges() {
		long plan = file("方案", "2010-03-01", "不可改的方案");
		String before = api.get("jiedao", "/api/v1/materials/" + plan).text();

		Api.Response inspector = api.putJson("ceping", "/api/v1/materials/" + plan, "{\"title\":\"检查员改的\"}");
		assertThat(inspector.status()).isEqualTo(403);
		Api.Response otherCommunity = api.putJson("shequ1", "/api/v1/materials/" + plan, "{\"title\":\"别的社区改的\"}");
		assertThat(otherCommunity.status()).isEqualTo(404);
		assertThat(otherCommunity.json().get("error").asString()).isEqualTo("not_found");

		assertError(api.putJson("jiedao", "/api/v1/materials/" + plan, "{\"title\":\"新题名\",\"dateFormed\":\"2999-01-01\"}"), "invalid_date");
		assertError(api.putJson("jiedao", "/api/v1/materials/" + plan, "{\"title\":\"  \"}"), "invalid_title");
		assertError(api.putJson("jiedao", "/api/v1/materials/" + plan, "{\"title\":\"新题名\",\"kind\":\"不存在的种类\"}"), "unknown_kind");
		assertError(api.putJson("jiedao", "/api/v1/materials/" + plan, "{\"title\":\"新题名\",\"indicatorCodes\":[]}"), "missing_indicator");

		assertThat(api.get("jiedao", "/api/v1/materials/" + plan).text()).isEqualTo(before);
		assertThat(api.get("jiedao", "/api/v1/materials/" + plan + "/history").json()).isEmpty();
		assertThat(api.get("shequ1", "/api/v1/materials/" + plan + "/history").status()).isEqualTo(404);
	}

	@Test
	void anotherIndicatorAndKindMoveTheMaterialToThatBoxAndItsReadiness() throws IOException {
		long plan = file("方案", "2010-03-01", "换盒的方案");
		assertThat(catalogue()).containsEntry(plan, "Q001-WS·2010-D30-Ⅲ116-0001");
		double before115 = completeness("Ⅲ-115");
		double before116 = completeness("Ⅲ-116");
		assertThat(before116).isPositive();
		Api.Response moved = api.putJson("jiedao", "/api/v1/materials/" + plan, "{\"indicatorCodes\":[\"Ⅲ-115\"],\"kind\":\"制度\"}");
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(catalogue()).doesNotContainKey(plan);
		assertThat(catalogue("Ⅲ-115")).as("制度 is kept permanently (Y)").containsEntry(plan, "Q001-WS·2010-Y-Ⅲ115-0001");
		assertThat(completeness("Ⅲ-116")).as("readiness no longer counts it in the old box").isLessThan(before116);
		assertThat(completeness("Ⅲ-115")).as("but in the new one").isGreaterThan(before115);
		assertThat(api.get("jiedao", "/api/v1/materials/" + plan + "/history").json()).anySatisfy(change -> {
			assertThat(change.get("field").asString()).isEqualTo("indicators");
			assertThat(change.get("oldValue").asString()).isEqualTo("Ⅲ-116");
			assertThat(change.get("newValue").asString()).isEqualTo("Ⅲ-115");
		});
	}

	private double completeness(String code) {
		for (JsonNode indicator : api.get("jiedao", "/api/v1/readiness?orgUnitId=" + community).json().get("indicators")) {
			if (indicator.get("code").asString().equals(code)) {
				return indicator.get("completeness").asDouble();
			}
		}
		throw new AssertionError(code);
	}

	private static void assertError(Api.Response response, String error) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.json().get("error").asString()).isEqualTo(error);
	}

	private long file(String kind, String date, String title) {
		String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"dateFormed\":\"" + date
				+ "\",\"indicatorCodes\":[\"" + BOX + "\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file(title + ".docx", DemoFiles.docx(title, date)));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		return filed.id();
	}

	private Map<Long, String> catalogue() throws IOException {
		return catalogue(BOX);
	}

	/** 档号 by material id, as the printed catalogue of the box gives them. */
	private Map<Long, String> catalogue(String code) throws IOException {
		Map<String, Long> byTitle = new LinkedHashMap<>();
		for (JsonNode m : api.get("jiedao", "/api/v1/materials?orgUnitId=" + community + "&size=200").json().get("items")) {
			byTitle.put(m.get("title").asString(), m.get("id").asLong());
		}
		if (session == null) {
			session = Session.login(port, "jiedao", Api.PASSWORD);
		}
		byte[] xlsx = session.bytes("/boxes/" + community + "/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "/catalogue.xlsx");
		Map<Long, String> codes = new LinkedHashMap<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter format = new DataFormatter();
			for (Row row : book.getSheetAt(0)) {
				if (row.getRowNum() >= 2) {
					codes.put(byTitle.get(format.formatCellValue(row.getCell(4))), format.formatCellValue(row.getCell(1)));
				}
			}
		}
		return codes;
	}

	private List<String> auditDetails(long materialId) throws IOException {
		Api.Response xlsx = api.get("shenji", "/api/v1/audit.xlsx?from=" + LocalDate.now(Zones.SHANGHAI).minusDays(1) + "&to="
				+ LocalDate.now(Zones.SHANGHAI).plusDays(1));
		assertThat(xlsx.status()).isEqualTo(200);
		List<String> details = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			DataFormatter format = new DataFormatter();
			for (Row row : book.getSheetAt(0)) {
				if (format.formatCellValue(row.getCell(4)).equals("MATERIAL_CORRECTED")
						&& format.formatCellValue(row.getCell(5)).equals("material " + materialId)) {
					details.add(format.formatCellValue(row.getCell(8)));
				}
			}
		}
		return details;
	}
}
