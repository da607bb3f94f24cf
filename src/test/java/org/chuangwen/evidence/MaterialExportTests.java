package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
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

/** The materials list taken to Excel: read back with POI, the filters honoured and stated above the rows. */
@IntegrationTest
class MaterialExportTests {

	@LocalServerPort
	int port;

	Api api;
	long community;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		community = api.newCommunity("导出社区");
	}

	@Test
	void theExportHasTheSameFiltersAsTheList() throws IOException {
		file("方案", "2010-03-01", "2010年活动方案", "Ⅲ-116");
		file("方案", "2009-03-01", "2009年活动方案", "Ⅲ-116");
		file("总结", "2010-12-01", "2010年活动总结", "Ⅲ-116");
		file("方案", "2010-04-01", "另一指标的方案", "Ⅲ-115");

		Api.Response response = api.get("jiedao", "/api/v1/materials.xlsx?orgUnitId=" + community + "&indicatorCode=%E2%85%A2-116&kind=%E6%96%B9%E6%A1%88");
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		List<List<String>> rows = read(response.body());
		assertThat(rows.get(0).get(0)).isEqualTo("档案材料清单");
		assertThat(rows.get(1).get(0)).contains("单位:导出社区").contains("指标:Ⅲ-116").contains("种类:方案");
		assertThat(rows.get(2).get(0)).startsWith("导出时间:");
		assertThat(rows.get(3)).startsWith("编号", "题名", "种类", "成文日期", "责任者", "文号", "单位", "指标");
		assertThat(rows.subList(4, rows.size())).extracting(r -> r.get(1)).containsExactlyInAnyOrder("2010年活动方案", "2009年活动方案");
		assertThat(rows.get(4).get(3)).matches("\\d{4}-\\d{2}-\\d{2}");

		List<List<String>> year2010 = read(api.get("jiedao", "/api/v1/materials.xlsx?orgUnitId=" + community + "&year=2010").body());
		assertThat(year2010.subList(4, year2010.size())).extracting(r -> r.get(1))
				.containsExactlyInAnyOrder("2010年活动方案", "2010年活动总结", "另一指标的方案");

		List<List<String>> page = read(Session.login(port, "jiedao", Api.PASSWORD).bytes("/materials.xlsx?unit=" + community + "&q=%E6%80%BB%E7%BB%93"));
		assertThat(page.subList(4, page.size())).extracting(r -> r.get(1)).containsExactly("2010年活动总结");
	}

	@Test
	void anExportedListCanBeFiledBackAsAMaterial() {
		file("方案", "2010-03-01", "2010年活动方案", "Ⅲ-116");
		byte[] list = api.get("jiedao", "/api/v1/materials.xlsx?orgUnitId=" + community).body();
		String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"记录\",\"title\":\"材料清单\",\"dateFormed\":\"2010-12-31\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file("材料清单.xlsx", list));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
	}

	@Test
	void aUnitOutsideTheScopeAnswersNotFound() {
		Api.Response foreign = api.get("shequ1", "/api/v1/materials.xlsx?orgUnitId=" + community);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
	}

	private void file(String kind, String date, String title, String code) {
		String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"dateFormed\":\"" + date
				+ "\",\"indicatorCodes\":[\"" + code + "\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file(title + ".docx", DemoFiles.docx(title, date)));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
	}

	static List<List<String>> read(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
					cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
