package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.platform.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A community worker plans a Mid-Autumn activity from the festival calendar, a resident checks in on a phone through
 * the activity's code, the worker uploads photos, downloads the briefing and sees both served boxes turn 图片 ✓.
 */
@IntegrationTest
class ActivityBrowserTests extends BrowserSupport {

	private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@LocalServerPort
	int port;

	@Test
	void planFromTheCalendarCheckInByPhoneFilePhotosAndReadTheBriefing() throws IOException {
		String base = "http://localhost:" + port;
		try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true));
				BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
			Page page = desk.newPage();
			page.navigate(base + "/login");
			page.locator("#username").fill("shequ2");
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();

			page.getByTestId("box-pct-Ⅲ-25").click();
			assertThat(page.locator("[data-testid=kinds] [data-kind=图片]")).hasAttribute("data-present", "false");

			page.navigate(base + "/calendar?year=2026&month=9");
			assertThat(page.getByTestId("festivals")).containsText("中秋节");
			page.locator("[data-festival=中秋节]").click();
			assertThat(page.locator("#title")).hasValue("2026年中秋节“我们的节日”主题活动");
			assertThat(page.locator("#category")).hasValue("我们的节日");
			assertThat(page.locator("input[name=indicatorCodes][value='Ⅲ-29']")).isChecked();
			assertThat(page.locator("input[name=indicatorCodes][value='Ⅲ-25']")).isChecked();
			LocalDateTime now = LocalDateTime.now(Zones.SHANGHAI);
			page.locator("#startsAt").fill(INPUT.format(now.minusMinutes(10)));
			page.locator("#endsAt").fill(INPUT.format(now.plusHours(2)));
			page.locator("#place").fill("友谊社区广场");
			page.locator("#organizer").fill("友谊社区居委会");
			page.getByTestId("activity-submit").click();
			assertThat(page.getByTestId("flash")).containsText("已保存活动");

			String code = page.getByTestId("check-in-code").textContent().strip();
			Page resident = phone.newPage();
			resident.navigate(base + "/c");
			resident.locator("#code").fill(code);
			resident.locator("button[type=submit]").click();
			assertThat(resident.getByTestId("checkin-title")).hasText("2026年中秋节“我们的节日”主题活动");
			resident.locator("#name").fill("陈阿姨");
			resident.locator("#phone").fill("13600001234");
			resident.getByTestId("checkin-submit").click();
			assertThat(resident.getByTestId("checkin-done")).containsText("签到成功");
			resident.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "phone-check-in.png")));

			page.reload();
			assertThat(page.getByTestId("participants")).containsText("陈阿姨");
			assertThat(page.getByTestId("participants")).containsText("136****1234");
			page.locator("#stage").selectOption("PHOTOS");
			page.locator("#stage-files").setInputFiles(new FilePayload[] {
				new FilePayload("赏月.jpg", "image/jpeg", DemoFiles.jpeg(800, 600, new Color(0x1A237E), now.minusMinutes(5).withNano(0))),
				new FilePayload("猜灯谜.jpg", "image/jpeg", DemoFiles.jpeg(800, 600, new Color(0xB71C1C), now.minusMinutes(3).withNano(0)))});
			page.getByTestId("stage-submit").click();
			assertThat(page.getByTestId("flash")).containsText("Ⅲ-25");
			assertThat(page.locator("[data-testid=stages] [data-stage=PHOTOS]")).hasAttribute("data-done", "true");

			Download download = page.waitForDownload(() -> page.getByTestId("briefing").click());
			try (InputStream in = Files.newInputStream(download.path()); XWPFDocument doc = new XWPFDocument(in);
					XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
				assertThat(text.getText()).contains("2026年中秋节“我们的节日”主题活动", DateTimeFormatter.ofPattern("yyyy年M月d日").format(now.minusMinutes(10)),
						"共有1人参加", "友谊社区广场");
				assertThat(doc.getAllPictures()).hasSize(2);
			}

			// htmx: a worker's check-in answers with a notice, and the participants fetch themselves again on its HX-Trigger
			page.locator("#participants input[name=name]").fill("王大爷");
			page.locator("#participants input[name=phone]").fill("13600005678");
			page.getByTestId("worker-check-in").click();
			assertThat(page.getByTestId("notice")).containsText("王大爷");
			assertThat(page.getByTestId("participants")).containsText("136****5678");
			// filing the plan refreshes the stage list the same way, without reloading the page
			page.getByTestId("file-plan").click();
			assertThat(page.locator("[data-testid=stages] [data-stage=PLAN]")).hasAttribute("data-done", "true");
			assertThat(page.getByTestId("notice")).containsText("方案");

			for (String box : new String[] {"Ⅲ-29", "Ⅲ-25"}) {
				page.navigate(base + "/readiness");
				page.getByTestId("box-pct-" + box).click();
				Locator photos = page.locator("[data-testid=kinds] [data-kind=图片]");
				assertThat(photos).hasAttribute("data-present", "true");
				assertThat(photos).containsText("✓ 图片");
			}
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "activity-box.png")).setFullPage(true));
		}
	}
}
