package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A street office tidies a box: recycles a material from the box page (htmx), the row says where it went and the
 * box's required kinds and completeness change without a reload; a refusal to an htmx request shows as an alert.
 */
@IntegrationTest
class BoxRecycleBrowserTests extends BrowserSupport {

	private static final String BOX = "Ⅲ-116";

	@LocalServerPort
	int port;

	@Test
	void recyclingFromTheBoxRefreshesItsSummaryAndARefusalShowsAsAnAlert() {
		Api api = new Api(port);
		long street = api.demoStreet();
		long community = api.newCommunity("整理社区");
		String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"方案\",\"title\":\"整理方案\",\"dateFormed\":\"2010-03-01\",\"indicatorCodes\":[\"" + BOX + "\"]}";
		assertThat(api.file("jiedao", meta, Api.Part.file("整理方案.docx", DemoFiles.docx("整理方案", "2010-03-01"))).status()).isEqualTo(201);

		try (BrowserContext desktop = browser.newContext()) {
			Page page = desktop.newPage();
			List<String> scriptErrors = new ArrayList<>();
			page.onPageError(scriptErrors::add);
			page.navigate("http://localhost:" + port + "/login");
			page.locator("#username").fill("jiedao");
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();
			page.navigate("http://localhost:" + port + "/boxes/" + community + "/" + BOX);

			Locator plan = page.locator("[data-testid=kinds] [data-kind=方案]");
			assertThat(plan).hasAttribute("data-present", "true");
			Locator completeness = page.getByTestId("box-completeness");
			String before = completeness.textContent();
			assertThat(before).isNotEqualTo("0%");

			page.locator("li", new Page.LocatorOptions().setHasText("整理方案")).getByTestId("box-recycle").click();

			assertThat(page.getByTestId("box-recycled")).containsText("已移入回收站");
			assertThat(plan).hasAttribute("data-present", "false");
			assertThat(completeness).hasText("0%");
			assertThat(page.locator("#htmx-error")).isEmpty();

			page.evaluate("htmx.ajax('POST', '/materials/987654321/recycle', {target: '#box-summary', swap: 'outerHTML'})");
			assertThat(page.locator("#htmx-error [data-testid=problem]")).containsText("找不到");
			assertThat(page.locator("#box-summary")).isVisible();
			assertThat(page.locator("nav.navbar")).hasCount(1);
			assertThat(scriptErrors).isEmpty();
		}
	}
}
