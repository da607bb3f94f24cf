package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.awt.Color;
import java.nio.file.Path;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A street official (jiedao) turns the unmet 经常参加体育锻炼 target of a community into a 整改 task with one click on
 * the targets page, then declares a value meeting it with its supporting material; the task then shows as closed by
 * itself.
 */
@IntegrationTest
class TaskBrowserTests extends BrowserSupport {

	@LocalServerPort
	int port;

	@Test
	void anUnmetTargetBecomesATaskThatClosesItselfWhenTheTargetIsMet() {
		String base = "http://localhost:" + port;
		Api api = new Api(port);
		long unit = api.newCommunity("整改浏览器社区" + System.nanoTime() % 100000);
		Api.Response filed = api.file("jiedao", "{\"orgUnitId\":" + unit + ",\"kind\":\"记录\",\"title\":\"体育锻炼调查汇总\",\"dateFormed\":\"2026-01-05\","
				+ "\"indicatorCodes\":[\"Ⅲ-37\"]}", Api.Part.file("p.jpg", DemoFiles.jpeg(16, 16, Color.GREEN, null)));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);

		try (BrowserContext context = browser.newContext()) {
			Page page = context.newPage();
			page.navigate(base + "/login");
			page.locator("#username").fill("jiedao");
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();

			page.navigate(base + "/targets?orgUnitId=" + unit);
			Locator exercise = page.locator("tr[data-key=regular-exercise]");
			exercise.getByTestId("make-task").click();

			assertThat(page.getByTestId("flash")).containsText("已转为整改任务");
			Locator task = page.locator("tr[data-gap='target:regular-exercise']");
			assertThat(task).hasAttribute("data-state", "open");
			assertThat(task).containsText("经常参加体育锻炼");

			// the gap closes: a value meeting the target, declared with its material on the targets page
			page.navigate(base + "/targets?orgUnitId=" + unit);
			exercise.locator("input[name=value]").fill("65");
			exercise.locator("input[name=materialId]").fill(Long.toString(filed.id()));
			exercise.locator("button[type=submit]", new Locator.LocatorOptions().setHasText("填报")).click();
			assertThat(page.getByTestId("flash")).isVisible();
			assertThat(exercise.getByTestId("make-task")).hasCount(0);

			page.navigate(base + "/tasks?orgUnitId=" + unit);
			assertThat(task).hasAttribute("data-state", "closed");
			assertThat(task.getByTestId("closed")).hasText("差距已消除,任务自动关闭");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "task-closed-by-itself.png")).setFullPage(true));
		}
	}
}
