package org.chuangwen.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A street official takes the ranking and the communities × boxes matrix to Excel; a community worker its boxes. */
@IntegrationTest
class ReadinessExportTests {

	@LocalServerPort
	int port;

	@Test
	void theStreetsRankingAndMatrixAndACommunitysBoxesGoToExcel() {
		Api api = new Api(port);
		long street = api.demoStreet();
		Api.Response streetBook = api.get("jiedao", "/api/v1/readiness.xlsx?orgUnitId=" + street);
		assertThat(streetBook.status()).isEqualTo(200);
		assertThat(streetBook.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		List<List<String>> rows = read(streetBook.body());
		assertThat(rows.get(0).get(0)).isEqualTo("幸福街道迎检准备度");
		assertThat(rows.get(1).get(0)).startsWith("整体完整度");
		assertThat(rows.get(3)).startsWith("完整度排名", "社区", "完整度(%)", "得分", "等级", "得分排名", "齐全的档案盒").contains("Ⅲ-115", "Ⅲ-117");
		List<String> communities = rows.subList(4, rows.size()).stream().map(r -> r.get(1)).toList();
		assertThat(communities).contains("和平社区", "友谊社区");
		assertThat(rows.get(4).get(0)).as("best first").isEqualTo("1");
		assertThat(rows.get(4)).hasSize(rows.get(3).size());

		List<List<String>> boxes = read(Session.login(port, "shequ1", Api.PASSWORD).bytes("/readiness.xlsx"));
		assertThat(boxes.get(0).get(0)).isEqualTo("和平社区迎检准备度");
		assertThat(boxes.get(3)).containsExactly("指标编号", "指标", "完整度(%)", "得分", "等级", "缺少的材料种类");
		assertThat(boxes.subList(4, boxes.size())).extracting(r -> r.get(0)).contains("Ⅲ-115", "Ⅲ-117", "Ⅲ-119");
		assertThat(boxes.subList(4, boxes.size())).as("every box lacking a kind names it")
				.allSatisfy(r -> assertThat(r.get(2).equals("100") || r.size() > 5 && !r.get(5).isEmpty()).isTrue());

		assertThat(api.get("shequ1", "/api/v1/readiness.xlsx?orgUnitId=" + street).status()).as("outside the worker's scope").isEqualTo(404);
	}

	private static List<List<String>> read(byte[] xlsx) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
				}
				rows.add(cells);
			}
			return rows;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
