package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A street official exports a community's box from its print page, watches the progress bar finish and downloads. */
@IntegrationTest
class ExportBrowserTests extends BrowserSupport {


	@LocalServerPort
	int port;

	@Test
	void exportsABoxAndDownloadsTheZip() throws IOException {
		try (BrowserContext desktop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true))) {
			Page page = desktop.newPage();
			page.navigate("http://localhost:" + port + "/login");
			page.locator("#username").fill("jiedao");
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();

			page.getByTestId("ranking").getByText("和平社区").click();
			page.getByTestId("box-pct-Ⅲ-116").click();
			page.getByTestId("print-box").click();
			assertThat(page.getByTestId("catalogue")).containsText("Q001-WS·2010-D30-Ⅲ116-0001");
			page.getByTestId("export-box").click();

			assertThat(page.getByTestId("flash")).containsText("已开始导出");
			// the export runs in the background and the page polls it; on a loaded machine that takes longer than
			// Playwright's default 5 s, so wait for the state as a user would, up to a minute
			assertThat(page.getByTestId("export-state")).hasText("已完成", new LocatorAssertions.HasTextOptions().setTimeout(60_000));
			assertThat(page.getByTestId("export-progress")).hasText("100%");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "export-done.png")));

			Download download = page.waitForDownload(() -> page.getByTestId("export-download").click());
			assertThat(download.suggestedFilename()).startsWith("和平社区-Ⅲ-116-").endsWith(".zip");
			List<String> entries = new ArrayList<>();
			String manifest = null;
			try (InputStream in = Files.newInputStream(download.path()); ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
				for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
					entries.add(entry.getName());
					if (entry.getName().equals("manifest.sha256")) {
						manifest = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
					}
				}
			}
			assertThat(entries).contains("和平社区/02 Ⅲ-116 讲文明树新风活动/01 归档文件目录.xlsx", "manifest.sha256");
			assertThat(manifest.lines()).hasSize(entries.size() - 1);
		}
	}
}
