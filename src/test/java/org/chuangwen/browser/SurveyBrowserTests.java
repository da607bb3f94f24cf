package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An interviewer goes door to door with a phone (390×844): enters each household's phone and answers on the 入户 page
 * until the 家庭美德知晓率 target (≥80%) is met by the estimate and, some households later, by the lower end of its 95%
 * interval; the page shows the rate, its interval and both verdicts all along.
 */
@IntegrationTest
class SurveyBrowserTests extends BrowserSupport {

	@LocalServerPort
	int port;

	@Test
	void doorToDoorAnswersUntilTheAwarenessTargetIsMetWithItsInterval() {
		String base = "http://localhost:" + port;
		Api api = new Api(port);
		long unit = api.newCommunity("入户调查社区");
		Api.Response created = api.postJson("jiedao", "/api/v1/surveys", "{\"orgUnitId\":" + unit + ",\"title\":\"家庭美德知晓率入户调查\","
				+ "\"targetKey\":\"family-virtue-awareness\",\"questions\":[{\"text\":\"您知道“尊老爱幼、男女平等、夫妻和睦、勤俭持家、邻里团结”是家庭美德吗?\","
				+ "\"type\":\"single\",\"options\":[\"知道\",\"不知道\"],\"aware\":[\"知道\"]}]}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long id = created.id();

		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true))) {
			Page page = phone.newPage();
			page.navigate(base + "/login");
			page.locator("#username").fill("jiedao");
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();
			page.navigate(base + "/surveys/" + id);
			page.getByTestId("interview").click();
			assertThat(page.getByTestId("overall-rate")).hasText("还没有回答");

			// the first household does not know, the next ones do
			enter(page, "13800100000", "不知道");
			assertThat(page.getByTestId("flash")).containsText("138****0000");
			assertThat(page.getByTestId("estimate-met")).hasAttribute("data-met", "false");
			int households = 1;
			while (!"true".equals(page.getByTestId("estimate-met").getAttribute("data-met"))) {
				enter(page, "138001" + String.format("%05d", households), "知道");
				households++;
			}
			// 4 of 5: the estimate meets 80%, the interval's lower end (37.6%) does not
			assertThat(households).isEqualTo(5);
			assertThat(page.getByTestId("overall-rate")).hasText("80.0%");
			assertThat(page.getByTestId("overall-ci")).containsText("37.6% – 96.4%");
			assertThat(page.getByTestId("lower-met")).hasAttribute("data-met", "false");
			assertThat(page.getByTestId("lower-met")).containsText("下限未达标");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "survey-interview-estimate.png")).setFullPage(true));

			while (!"true".equals(page.getByTestId("lower-met").getAttribute("data-met"))) {
				assertThat(households).as("the lower bound should reach 80% within 30 households").isLessThan(30);
				enter(page, "138001" + String.format("%05d", households), "知道");
				households++;
			}
			// 24 aware of 25 households: 96.0%, interval 80.5% – 99.3%, the first count whose lower end reaches 80%
			assertThat(households).isEqualTo(25);
			assertThat(page.getByTestId("overall-rate")).hasText("96.0%");
			assertThat(page.getByTestId("overall-ci")).containsText("80.5% – 99.3%");
			assertThat(page.getByTestId("lower-met")).containsText("下限也达标");
			assertThat(page.getByTestId("estimate-met")).containsText("估计值达标");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "survey-interview-met.png")).setFullPage(true));

			// the same household twice is refused, and nothing typed is lost
			page.locator("#phone").fill("13800100000");
			page.locator("input[name=a1][value=知道]").check();
			page.getByTestId("interview-submit").click();
			assertThat(page.getByTestId("refusal")).containsText("只能答一次");
			assertThat(page.locator("#phone")).hasValue("13800100000");
		}
		assertThat(api.get("jiedao", "/api/v1/surveys/" + id + "/results").json().get("overall").get("ciLow").decimalValue())
				.isGreaterThanOrEqualTo(new java.math.BigDecimal("0.8"));
	}

	private static void enter(Page page, String phone, String answer) {
		page.locator("#phone").fill(phone);
		page.locator("input[name=a1][value=" + answer + "]").check();
		page.getByTestId("interview-submit").click();
		assertThat(page.getByTestId("flash")).containsText(phone.substring(phone.length() - 4));
	}
}
