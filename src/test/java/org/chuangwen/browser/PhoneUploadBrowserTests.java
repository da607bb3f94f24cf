package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A community worker on a phone: logs in, opens a box from the dashboard, is refused an oversize file before it is
 * sent, uploads a photo into it (with a progress bar), sees the box's 图片 turn ✓ and the dashboard's percentages change.
 */
@IntegrationTest
class PhoneUploadBrowserTests extends BrowserSupport {

	private static final String BOX = "Ⅲ-117";

	@LocalServerPort
	int port;

	@Test
	void aWorkerUploadsAPhotoFromAPhoneAndTheBoxAndDashboardChange() throws Exception {
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
				.setViewportSize(390, 844)
				.setDeviceScaleFactor(3)
				.setIsMobile(true)
				.setHasTouch(true)
				.setLocale("zh-CN"))) {
			Page page = phone.newPage();
			List<String> scriptErrors = new ArrayList<>();
			page.onPageError(scriptErrors::add);
			// chromium reports what the Content-Security-Policy blocked on the console
			List<String> blocked = new ArrayList<>();
			page.onConsoleMessage(m -> {
				if (m.text().contains("Content Security Policy")) {
					blocked.add(m.text());
				}
			});
			page.navigate("http://localhost:" + port + "/readiness");
			page.locator("#username").fill("shequ1");
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();

			Locator overall = page.getByTestId("overall");
			assertThat(overall).isVisible();
			assertThat(page.locator("#chart canvas")).hasCount(1);
			String overallBefore = overall.textContent();
			Locator boxPercent = page.getByTestId("box-pct-" + BOX);
			String boxBefore = boxPercent.textContent();
			boxPercent.click();

			assertThat(page.locator("h1")).containsText(BOX);
			Locator photos = page.locator("[data-testid=kinds] [data-kind=图片]");
			assertThat(photos).hasAttribute("data-present", "false");
			assertThat(photos).containsText("✗ 图片");
			page.getByTestId("upload-to-box").click();

			assertThat(page.locator("input[name=indicatorCodes][value='" + BOX + "']")).isChecked();
			page.locator("#kind").selectOption("图片");
			page.locator("#title").fill("文化进楼道活动现场");
			page.locator("#dateFormed").fill("2010-06-12");
			Path oversize = Files.createTempFile("oversize", ".jpg");
			try (RandomAccessFile file = new RandomAccessFile(oversize.toFile(), "rw")) {
				file.setLength(51L * 1024 * 1024);
			}
			page.locator("#file").setInputFiles(oversize);
			assertThat((String) page.locator("#file").evaluate("e => e.validationMessage"))
					.as("refused on the phone, before 51 MB go over mobile data").containsPattern("oversize.*\\.jpg 超过单个文件 \\d+ MB 的上限");
			Files.delete(oversize);
			page.locator("#file").setInputFiles(new FilePayload("楼道文化.jpg", "image/jpeg",
					DemoFiles.jpeg(1200, 900, new Color(0x6A1B9A), LocalDateTime.of(2010, 6, 12, 15, 20))));
			List<String> uploads = new ArrayList<>();
			page.onRequest(r -> {
				if (r.method().equals("POST") && r.url().endsWith("/materials")) {
					uploads.add(r.resourceType());
				}
			});
			page.getByTestId("upload-submit").click();

			assertThat(page.getByTestId("flash")).containsText("已归档“文化进楼道活动现场”");
			assertThat(uploads).as("sent in the background, so the progress bar can follow it").containsExactly("xhr");
			assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/boxes/.*"));
			assertThat(photos).hasAttribute("data-present", "true");
			assertThat(photos).containsText("✓ 图片");
			assertThat(page.getByTestId("primary-covered")).hasText("✓");
			String boxUrl = page.url();
			String boxAfter = page.getByTestId("box-completeness").textContent();
			assertThat(boxAfter).isNotEqualTo(boxBefore);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "phone-box.png")).setFullPage(true));

			page.locator("nav.navbar a.navbar-brand").click();
			assertThat(page.getByTestId("box-pct-" + BOX)).hasText(boxAfter);
			assertThat(overall).not().hasText(overallBefore);
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "phone-dashboard.png")).setFullPage(true));

			// the caption sheet's select-all box works without its former inline onclick
			page.navigate(boxUrl.replaceAll("[?#].*", "") + "/captions");
			page.locator("input[data-check-all]").check();
			assertThat(page.locator("input[name=selected]").first()).isChecked();
			assertThat(scriptErrors).isEmpty();
			assertThat(blocked).isEmpty();
		}
	}
}
