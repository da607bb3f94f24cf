package org.chuangwen.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Donations of a fresh community, the 社区捐助统计表 and 志愿者统计表 as XLSX, and filing a table into its boxes. */
@IntegrationTest
class TablesTests {

	@LocalServerPort
	int port;

	Api api;
	long community;
	String unitName;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		// a name ending in 社区, as real communities' do
		unitName = "统计" + System.nanoTime() % 100000 + "社区";
		community = api.newCommunity(unitName);
	}

	private Api.Response donate(String receipt, String body) {
		return api.postJson("jiedao", "/api/v1/donations", "{\"orgUnitId\":" + community + ",\"receiptNumber\":\"" + receipt + "\"," + body + "}");
	}

	@Test
	void everyTableIsListedByNameAndTitle() {
		JsonNode tables = api.get("ceping", "/api/v1/tables").json();
		List<String> pairs = new ArrayList<>();
		tables.forEach(t -> pairs.add(t.get("name").asString() + "=" + t.get("title").asString()));
		assertThat(pairs).contains("donations=社区捐助统计表", "volunteers=志愿者统计表");
	}

	@Test
	void donationsAreCountedPerCampaignWithTotalsAndADuplicateReceiptIsRefused() throws IOException {
		assertThat(donate("SJ-001", "\"donorKind\":\"HOUSEHOLD\",\"donorName\":\"张家\",\"form\":\"MONEY\",\"totalValue\":200,"
				+ "\"campaign\":\"慈善一日捐\",\"date\":\"2026-03-01\",\"destination\":\"区慈善会\"").status()).isEqualTo(201);
		assertThat(donate("SJ-002", "\"donorKind\":\"ANONYMOUS\",\"form\":\"MONEY\",\"totalValue\":300.5,"
				+ "\"campaign\":\"慈善一日捐\",\"date\":\"2026-03-02\"").status()).isEqualTo(201);
		assertThat(donate("SJ-003", "\"donorKind\":\"UNIT\",\"donorName\":\"幸福超市\",\"form\":\"GOODS\",\"description\":\"棉被\",\"quantity\":10,"
				+ "\"unitValue\":80,\"campaign\":\"救灾捐赠\",\"date\":\"2026-04-10\"").status()).isEqualTo(201);
		assertThat(donate("SJ-004", "\"donorKind\":\"UNIT\",\"donorName\":\"期外单位\",\"form\":\"MONEY\",\"totalValue\":999,"
				+ "\"campaign\":\"慈善一日捐\",\"date\":\"2025-12-31\"").status()).as("outside the period").isEqualTo(201);

		Api.Response twin = donate("SJ-001", "\"donorKind\":\"ANONYMOUS\",\"form\":\"MONEY\",\"totalValue\":1,\"campaign\":\"其他\",\"date\":\"2026-03-03\"");
		assertThat(twin.status()).isEqualTo(409);
		assertThat(twin.json().get("error").asString()).isEqualTo("duplicate_receipt");
		assertThat(twin.json().get("message").asString()).contains("SJ-001", "已经登记过");
		assertThat(api.get("jiedao", "/api/v1/donations?orgUnitId=" + community).json()).hasSize(4);
		assertThat(donate("SJ-009", "\"donorKind\":\"RESIDENT\",\"residentId\":999999999,\"form\":\"MONEY\",\"totalValue\":1,\"campaign\":\"其他\","
				+ "\"date\":\"2026-03-03\"").status()).as("an unknown resident").isEqualTo(404);
		assertThat(api.postJson("ceping", "/api/v1/donations", "{\"orgUnitId\":" + community + ",\"receiptNumber\":\"X\",\"donorKind\":\"ANONYMOUS\","
				+ "\"form\":\"MONEY\",\"totalValue\":1,\"campaign\":\"其他\",\"date\":\"2026-03-03\"}").status()).as("an inspector reads only")
				.isEqualTo(403);

		Api.Response xlsx = api.get("jiedao", "/api/v1/tables/donations.xlsx?orgUnitId=" + community + "&from=2026-01-01&to=2026-06-30");
		assertThat(xlsx.status()).isEqualTo(200);
		List<String> lines = lines(xlsx.body());
		assertThat(lines.get(0)).isEqualTo("社区捐助统计表");
		assertThat(lines.get(1)).startsWith("填报单位").contains(unitName);
		assertThat(lines.get(2)).contains("2026-01-01", "2026-06-30");
		assertThat(lines.get(3)).contains("捐助活动", "捐助笔数");
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("慈善一日捐", "款", "|2|1|500.5|"));
		assertThat(lines).anySatisfy(l -> assertThat(l).contains("救灾捐赠", "物", "|1|0||800|800"));
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("合计|").contains("|3|", "|500.5|800|1300.5"));
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("制表人").contains("制表日期"));
		assertThat(String.join("\n", lines)).doesNotContain("999");
	}

	@Test
	void aCorrectionKeepsTheValuesItReplaced() {
		long id = donate("GZ-1", "\"donorKind\":\"HOUSEHOLD\",\"donorName\":\"李家\",\"form\":\"MONEY\",\"totalValue\":50,\"campaign\":\"慈善一日捐\","
				+ "\"date\":\"2026-03-01\"").id();
		Api.Response corrected = api.putJson("jiedao", "/api/v1/donations/" + id, "{\"receiptNumber\":\"GZ-1\",\"donorKind\":\"HOUSEHOLD\","
				+ "\"donorName\":\"李家\",\"form\":\"MONEY\",\"totalValue\":500,\"campaign\":\"慈善一日捐\",\"date\":\"2026-03-01\",\"reason\":\"少录一个零\"}");
		assertThat(corrected.status()).isEqualTo(200);
		assertThat(corrected.json().get("totalValue").asDouble()).isEqualTo(500);
		JsonNode history = api.get("jiedao", "/api/v1/donations/" + id + "/history").json();
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("reason").asString()).isEqualTo("少录一个零");
		assertThat(history.get(0).get("oldValues").asString()).contains("50.00");
		assertThat(api.get("shequ1", "/api/v1/donations/" + id).status()).as("another unit's donation").isEqualTo(404);
	}

	@Test
	void filingPutsTheTableIntoEveryBoxAskingForItAndRefilingKeepsTheEarlierOne() {
		donate("GD-1", "\"donorKind\":\"ANONYMOUS\",\"form\":\"MONEY\",\"totalValue\":10,\"campaign\":\"慈善一日捐\",\"date\":\"2026-02-01\"");
		String box = null;
		for (JsonNode indicator : api.get("jiedao", "/api/v1/readiness?orgUnitId=" + community).json().get("indicators")) {
			if (indicator.get("requiredKinds").toString().contains("社区捐助统计表")) {
				box = indicator.get("code").asString();
				assertThat(indicator.get("presentKinds").toString()).doesNotContain("社区捐助统计表");
			}
		}
		assertThat(box).isNotNull();

		Api.Response filed = api.postJson("jiedao", "/api/v1/tables/donations/file?orgUnitId=" + community + "&from=2026-01-01&to=2026-03-31", "");
		assertThat(filed.status()).isEqualTo(201);
		assertThat(filed.json().get("kind").asString()).isEqualTo("社区捐助统计表");
		assertThat(filed.json().get("title").asString()).isEqualTo(unitName + "捐助统计表(2026-01-01至2026-03-31)");
		assertThat(filed.json().get("dateFormed").asString()).isEqualTo("2026-03-31");
		assertThat(filed.json().get("indicatorCodes").toString()).contains(box);
		for (JsonNode indicator : api.get("jiedao", "/api/v1/readiness?orgUnitId=" + community).json().get("indicators")) {
			if (indicator.get("code").asString().equals(box)) {
				assertThat(indicator.get("presentKinds").toString()).contains("社区捐助统计表");
			}
		}
		Api.Response again = api.postJson("jiedao", "/api/v1/tables/donations/file?orgUnitId=" + community + "&from=2026-04-01&to=2026-06-30", "");
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.id()).isNotEqualTo(filed.id());
		assertThat(api.get("jiedao", "/api/v1/materials/" + filed.id()).status()).as("the earlier period stays").isEqualTo(200);
		assertThat(api.get("jiedao", "/api/v1/materials/" + again.id()).json().get("kind").asString()).isEqualTo("社区捐助统计表");
	}

	@Test
	void aWrongNameAPeriodOrAForeignUnitIsRefused() {
		String period = "&from=2026-01-01&to=2026-06-30";
		assertThat(api.get("jiedao", "/api/v1/tables/nonsense.xlsx?orgUnitId=" + community + period).status()).isEqualTo(404);
		Api.Response reversed = api.get("jiedao", "/api/v1/tables/donations.xlsx?orgUnitId=" + community + "&from=2026-06-30&to=2026-01-01");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.json().get("error").asString()).isEqualTo("bad_period");
		assertThat(api.get("jiedao", "/api/v1/tables/donations.xlsx?orgUnitId=" + community + "&from=2026-13-01&to=2026-06-30").json().get("error")
				.asString()).isEqualTo("bad_period");
		Api.Response foreign = api.get("shequ1", "/api/v1/tables/donations.xlsx?orgUnitId=" + community + period);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
		assertThat(api.postJson("shequ1", "/api/v1/tables/volunteers/file?orgUnitId=" + community + period, "").status()).isEqualTo(404);
		assertThat(api.postJson("jiedao", "/api/v1/tables/nonsense/file?orgUnitId=" + community + period, "").status()).isEqualTo(404);
	}

	@Test
	void theVolunteersTableShowsMaskedPhonesOnly() throws IOException {
		api.postJson("jiedao", "/api/v1/volunteers", "{\"orgUnitId\":" + community + ",\"name\":\"王志愿\",\"phone\":\"13912348888\",\"skills\":\"急救\"}");
		api.postJson("jiedao", "/api/v1/volunteers", "{\"orgUnitId\":" + community + ",\"name\":\"赵志愿\",\"phone\":\"13912347777\"}");
		Api.Response xlsx = api.get("jiedao", "/api/v1/tables/volunteers.xlsx?orgUnitId=" + community + "&from=2026-01-01&to=2026-12-31");
		assertThat(xlsx.status()).isEqualTo(200);
		List<String> lines = lines(xlsx.body());
		String all = String.join("\n", lines);
		assertThat(lines.get(0)).isEqualTo("志愿者统计表");
		assertThat(all).contains("王志愿", "急救", "139****8888", "赵志愿", "139****7777").doesNotContain("13912348888", "13912347777");
		assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("合计|2人"));
	}

	/** Each row's cells joined by {@code |}, as they read. */
	private static List<String> lines(byte[] xlsx) throws IOException {
		List<String> lines = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					Cell cell = row.getCell(i);
					cells.add(cell == null ? "" : format.formatCellValue(cell));
				}
				lines.add(String.join("|", cells));
			}
		}
		return lines;
	}
}
