package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.time.LocalDate;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A worker on a 390 px phone: the calendar shows every day of a week on screen (the weekend is not cut off), the
 * readiness page puts what is missing before the chart, required fields are marked, and the menu marks where one is.
 */
@IntegrationTest
class PhoneLayoutBrowserTests extends BrowserSupport {

	@LocalServerPort
	int port;

	@Test
	void aPhoneSeesAllSevenDaysWhatIsMissingFirstAndWhichFieldsAreRequired() {
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
				.setViewportSize(390, 844).setIsMobile(true).setHasTouch(true).setLocale("zh-CN"))) {
			Page page = phone.newPage();
			page.navigate("http://localhost:" + port + "/readiness");
			page.locator("#username").fill("shequ1");
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();

			Locator todo = page.getByTestId("to-do");
			assertThat(todo).isVisible();
			assertThat(todo).containsText("缺少");
			assertThat(todo.boundingBox().y).as("the to-do comes before the chart").isLessThan(page.locator("#chart").boundingBox().y);

			// November 2026: Monday the 2nd to Sunday the 8th is one whole week
			page.navigate("http://localhost:" + port + "/calendar?year=2026&month=11");
			assertThat(page.getByTestId("week-list")).isVisible();
			assertThat(page.locator("#menu a.nav-link.active")).hasCount(1);
			assertThat(page.locator("#menu a.nav-link.active")).hasAttribute("href", "/calendar");
			for (int day = 2; day <= 8; day++) {
				Locator cell = page.locator("[data-testid=week-list] [data-day='" + LocalDate.of(2026, 11, day) + "']");
				assertThat(cell).isVisible();
				BoundingBox box = cell.boundingBox();
				assertThat(box.x).as("day %d starts on screen", day).isGreaterThanOrEqualTo(0);
				assertThat(box.x + box.width).as("day %d ends on screen", day).isLessThanOrEqualTo(390);
			}
			assertThat(page.locator("[data-day='2026-11-07']")).containsText("六");
			assertThat(page.locator("[data-day='2026-11-08']")).containsText("日");

			page.navigate("http://localhost:" + port + "/materials/new");
			String marker = (String) page.locator("label[for=title]").evaluate("e => getComputedStyle(e, '::after').content");
			assertThat(marker).as("a required field's label is marked").contains("*");
			String optional = (String) page.locator("label[for=responsibleParty]").evaluate("e => getComputedStyle(e, '::after').content");
			assertThat(optional).doesNotContain("*");
		}
	}
}
