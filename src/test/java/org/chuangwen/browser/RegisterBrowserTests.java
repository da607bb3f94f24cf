package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * The administrator defines a register on the admin page without code; a community worker imports a sheet into it with
 * one broken row, reads why it was refused, and exports the register.
 */
@IntegrationTest
class RegisterBrowserTests extends BrowserSupport {

	@LocalServerPort
	int port;

	@Test
	void anAdministratorDefinesARegisterAndAWorkerImportsReadsTheRefusalAndExports() throws IOException {
		String name = "patrol-" + Long.toString(System.nanoTime() % 100000);
		Path dir = Files.createDirectories(Path.of("target", "register-browser"));
		Path sheet = dir.resolve("巡查记录.xlsx");
		write(sheet, List.of(
				List.of("巡查人", "巡查日期", "结果", "联系电话"),
				List.of("老王", "2026-03-01", "合格", "13700000001"),
				List.of("老李", "2026-13-45", "合格", "13700000002"),
				List.of("老张", "2026-03-03", "不合格", "")));

		try (BrowserContext admin = browser.newContext()) {
			Page page = login(admin, "admin");
			page.navigate("http://localhost:" + port + "/registers");
			page.getByTestId("define-register").click();
			page.locator("#name").fill(name);
			page.locator("#title").fill("楼院巡查记录");
			column(page, 0, "巡查人", "who", "text", true, "");
			column(page, 1, "巡查日期", "day", "date", true, "");
			column(page, 2, "结果", "result", "choice", true, "合格、不合格");
			column(page, 3, "联系电话", "phone", "phone", false, "");
			page.locator("#keyColumns").fill("who,day");
			page.getByTestId("save-schema").click();
			assertThat(page.getByTestId("flash")).containsText("楼院巡查记录");
			assertThat(page.getByTestId("registers")).containsText(name);
		}

		try (BrowserContext worker = browser.newContext(new Browser.NewContextOptions().setAcceptDownloads(true))) {
			Page page = login(worker, "shequ1");
			page.navigate("http://localhost:" + port + "/registers");
			page.getByText("楼院巡查记录").click();
			page.locator("#file").setInputFiles(sheet);
			page.getByTestId("import").click();
			assertThat(page.getByTestId("import-state")).hasText("导入完成");
			assertThat(page.getByTestId("import-counts")).hasText("新增 2 条，更新 0 条，未变 0 条，拒绝 1 行");
			assertThat(page.getByTestId("rejected-rows")).containsText("巡查日期");
			assertThat(page.getByTestId("rejected-rows")).containsText("2026-13-45");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "register-refused.png")));

			page.getByTestId("back-to-list").click();
			assertThat(page.getByTestId("rows")).containsText("老王");
			assertThat(page.getByTestId("rows")).containsText("137****0001");
			assertThat(page.getByTestId("rows")).not().containsText("13700000001");

			Download download = page.waitForDownload(() -> page.getByTestId("export").click());
			Path export = dir.resolve("导出.xlsx");
			download.saveAs(export);
			List<String> cells = new ArrayList<>();
			try (InputStream in = Files.newInputStream(export); XSSFWorkbook book = new XSSFWorkbook(in)) {
				DataFormatter text = new DataFormatter();
				for (Row row : book.getSheetAt(0)) {
					row.forEach(cell -> cells.add(text.formatCellValue(cell)));
				}
			}
			assertThat(cells).contains("巡查人", "老王", "老张", "不合格", "137****0001").doesNotContain("老李", "13700000001");
		}
	}

	private static void column(Page page, int row, String label, String key, String type, boolean required, String options) {
		page.locator("#label-" + row).fill(label);
		page.locator("#key-" + row).fill(key);
		page.locator("#type-" + row).selectOption(type);
		page.locator("#required-" + row).selectOption(required ? "true" : "");
		page.locator("#options-" + row).fill(options);
	}

	private Page login(BrowserContext context, String user) {
		Page page = context.newPage();
		page.navigate("http://localhost:" + port + "/login");
		page.locator("#username").fill(user);
		page.locator("#password").fill(Api.PASSWORD);
		page.locator("button[type=submit]").click();
		page.waitForURL(url -> !url.contains("/login"));
		return page;
	}

	private static void write(Path file, List<List<String>> rows) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = book.createSheet("巡查");
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
