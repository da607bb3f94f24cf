package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Role;
import org.chuangwen.platform.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A community worker inspects a building on a phone: opens it from the 文明楼院 page, ticks items, notes one, takes a
 * photo, saves; the score shows, the matrix shows it, and the photo is in the Ⅲ-117 box.
 */
@IntegrationTest
class CourtyardBrowserTests extends BrowserSupport {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void aWorkerInspectsABuildingOnAPhoneWithAPhoto() {
		Api api = new Api(port);
		// a community and worker of its own: a building added to a demo community would change what other tests see
		long community = api.newCommunity("楼院检查社区" + new Random().nextInt(1_000_000));
		String worker = "lyjc" + System.nanoTime() % 1_000_000_000L;
		accounts.create(worker, Api.PASSWORD, "楼院检查员", community, Set.of(Role.WORKER));
		String name = "检查" + (100 + new Random().nextInt(900)) + "号楼";
		long building = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"" + name + "\"}").id();

		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
				.setViewportSize(390, 844)
				.setDeviceScaleFactor(3)
				.setIsMobile(true)
				.setHasTouch(true)
				.setLocale("zh-CN"))) {
			Page page = phone.newPage();
			List<String> scriptErrors = new ArrayList<>();
			page.onPageError(scriptErrors::add);
			page.navigate("http://localhost:" + port + "/courtyards");
			page.locator("#username").fill(worker);
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();

			assertThat(page.locator("h1")).hasText("文明楼院");
			page.locator("[data-testid=courtyard-matrix] a", new Page.LocatorOptions().setHasText(name)).click();
			assertThat(page.locator("h1")).containsText(name);
			assertThat(page.locator("#photos")).hasAttribute("capture", "environment");

			// standard 1: four of six items (20 × 4/6); 2 and 5 whole; 3 and 4 not met → 53.3
			for (String code : List.of("1.1", "1.4", "1.5", "1.6", "2.1", "5.1")) {
				page.getByTestId("met-" + code).check();
			}
			page.getByTestId("note-1.2").fill("楼长待选");
			page.locator("#photos").setInputFiles(new FilePayload("楼道.jpg", "image/jpeg",
					DemoFiles.jpeg(1200, 900, new Color(0x1565C0), LocalDateTime.now(Zones.SHANGHAI).minusHours(2))));
			page.getByTestId("inspection-save").click();

			assertThat(page.getByTestId("flash")).containsText("得分 53.3");
			assertThat(page.getByTestId("inspection-score").first()).hasText("53.3");
			assertThat(page.getByTestId("inspections")).containsText("楼长待选");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "phone-courtyard.png")).setFullPage(true));

			String title = name + "文明楼院检查(" + LocalDate.now(Zones.SHANGHAI) + ")";
			page.navigate("http://localhost:" + port + "/boxes/" + community + "/Ⅲ-117");
			assertThat(page.locator("[data-shelf=图片]")).containsText(title);

			page.navigate("http://localhost:" + port + "/courtyards");
			assertThat(page.locator("tr[data-building='" + building + "']")).containsText("53.3");
			assertThat(page.locator("tr[data-building='" + building + "'] td[data-standard='3']")).hasText("✗");
			assertThat(page.locator("tr[data-building='" + building + "'] td[data-standard='2']")).hasText("✓");
			assertThat(scriptErrors).isEmpty();
		}
	}
}
