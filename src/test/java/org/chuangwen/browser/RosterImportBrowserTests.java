package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A community worker's roster: uploaded with a broken 身份证号, the refused row read on the progress page, fixed in the
 * downloaded error sheet and uploaded again.
 */
@IntegrationTest
class RosterImportBrowserTests extends BrowserSupport {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

	@LocalServerPort
	int port;

	@Test
	void importsARosterFixesTheRefusedRowInTheReportAndImportsItAgain() throws IOException {
		Api api = new Api(port);
		long community = api.newCommunity("浏览器社区");
		api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"3号楼\"}");
		String good = id("19820607", 131);
		String fixed = id("19850101", 242);
		String broken = fixed.substring(0, 17) + (fixed.charAt(17) == '7' ? '8' : '7');
		Path dir = Files.createDirectories(Path.of("target", "roster-browser"));
		Path roster = dir.resolve("花名册.xlsx");
		write(roster, List.of(
				List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体"),
				List.of("张三", "男", good, "13600000001", "3号楼", "1单元", "101", "户主", "户籍人口", "空巢老人"),
				List.of("李梅", "女", broken, "13600000002", "3号楼", "1单元", "102", "户主", "户籍人口", "")));

		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setAcceptDownloads(true))) {
			Page page = phone.newPage();
			page.navigate("http://localhost:" + port + "/login");
			page.locator("#username").fill("jiedao");
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();

			page.navigate("http://localhost:" + port + "/residents/import");
			page.locator("#orgUnitId").selectOption(new SelectOption().setLabel("浏览器社区"));
			page.locator("#file").setInputFiles(roster);
			page.getByTestId("import-submit").click();

			assertThat(page.getByTestId("import-state")).hasText("导入完成");
			assertThat(page.getByTestId("import-counts")).hasText("新增 1,更新 0,未变 0,拒绝 1");
			assertThat(page.getByTestId("rejected-rows")).containsText("校验位");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "roster-refused.png")));

			Download download = page.waitForDownload(() -> page.getByTestId("import-report").click());
			Path report = dir.resolve("错误行.xlsx");
			download.saveAs(report);
			try (InputStream in = Files.newInputStream(report); XSSFWorkbook book = new XSSFWorkbook(in)) {
				Sheet sheet = book.getSheetAt(0);
				DataFormatter text = new DataFormatter();
				assertThat(text.formatCellValue(sheet.getRow(0).getCell(10))).isEqualTo("错误原因");
				assertThat(sheet.getLastRowNum()).isEqualTo(1);
				assertThat(text.formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo(broken);
				sheet.getRow(1).getCell(2).setCellValue(fixed);
				try (OutputStream out = Files.newOutputStream(report)) {
					book.write(out);
				}
			}

			page.getByTestId("import-again").click();
			page.locator("#orgUnitId").selectOption(new SelectOption().setLabel("浏览器社区"));
			page.locator("#file").setInputFiles(report);
			page.getByTestId("import-submit").click();
			assertThat(page.getByTestId("import-state")).hasText("导入完成");
			assertThat(page.getByTestId("import-counts")).hasText("新增 1,更新 0,未变 0,拒绝 0");

			page.navigate("http://localhost:" + port + "/residents?orgUnitId=" + community);
			page.getByTestId("resident-search").fill("lm");
			assertThat(page.getByTestId("resident-total")).hasText("共 1 人");
			assertThat(page.getByTestId("residents")).containsText("李梅");
			assertThat(page.getByTestId("residents")).not().containsText(fixed);
		}
	}

	private static String id(String birth, int sequence) {
		String first17 = "110101" + birth + "%03d".formatted(sequence);
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private static void write(Path file, List<List<String>> rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = book.createSheet("花名册");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			book.write(out);
		}
	}
}
