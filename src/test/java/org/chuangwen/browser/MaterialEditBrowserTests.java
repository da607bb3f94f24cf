package org.chuangwen.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A worker files a 2010 Word document: choosing the file proposes its title, its created date and the unit as 责任者.
 * She then corrects the date to 2009 and sees the history on the material page and a 2009 archival number in the box.
 */
@IntegrationTest
class MaterialEditBrowserTests extends BrowserSupport {

	private static final String TITLE = "2010年度创建工作计划";

	@LocalServerPort
	int port;

	@Test
	void fileA2010DocumentThenCorrectItsDateAndSeeTheNumberAndTheHistoryChange() throws IOException {
		String base = "http://localhost:" + port;
		try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
			Page page = desk.newPage();
			page.navigate(base + "/login");
			page.locator("#username").fill("shequ1");
			page.locator("#password").fill(Api.PASSWORD);
			page.locator("button[type=submit]").click();

			page.navigate(base + "/materials/new");
			assertThat(page.locator("#dateFormed")).hasValue("");
			assertThat(page.locator("#responsibleParty")).hasValue("和平社区");
			page.locator("#file").setInputFiles(new FilePayload(TITLE + ".docx",
					"application/vnd.openxmlformats-officedocument.wordprocessingml.document", docxCreated("2010-05-04T01:30:00Z")));
			assertThat(page.locator("#title")).hasValue(TITLE);
			assertThat(page.locator("#dateFormed")).hasValue("2010-05-04");
			assertThat(page.getByTestId("proposal")).containsText("2010-05-04");
			page.locator("#kind").selectOption("方案");
			page.locator("input[name=indicatorCodes][value='Ⅲ-116']").check();
			page.getByTestId("upload-submit").click();
			assertThat(page.getByTestId("flash")).isVisible();

			String print = page.url() + "/print";
			page.navigate(print);
			String before = code(page);
			assertThat(before).contains("·2010-");

			page.locator("[data-testid=catalogue] a", new Page.LocatorOptions().setHasText(TITLE)).first().click();
			page.getByTestId("edit-open").click();
			page.locator("#edit-date").fill("2009-12-20");
			page.getByTestId("edit-submit").click();
			assertThat(page.getByTestId("flash")).containsText("已保存更正");
			Locator history = page.getByTestId("history");
			assertThat(history).containsText("成文日期");
			assertThat(history).containsText("2010-05-04");
			assertThat(history).containsText("2009-12-20");
			assertThat(history).containsText("shequ1");
			page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "material-corrected.png")).setFullPage(true));

			page.navigate(print);
			String after = code(page);
			assertThat(after).contains("·2009-").isNotEqualTo(before);
		}
	}

	private static String code(Page page) {
		Locator row = page.locator("[data-testid=catalogue] tr", new Page.LocatorOptions().setHasText(TITLE)).first();
		return row.locator("td").nth(1).textContent().strip();
	}

	private static byte[] docxCreated(String created) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("2010年度创建工作计划正文");
			doc.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(Instant.parse(created))));
			doc.write(out);
			return out.toByteArray();
		}
	}
}
