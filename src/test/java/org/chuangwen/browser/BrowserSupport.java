package org.chuangwen.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The base of the browser tests: Debian's chromium driven by Playwright, never a downloaded browser, one per test
 * class. Outside CI a machine without chromium skips
 * the browser tests with a message; under CI ({@code CI=true}) a missing browser fails them.
 */
abstract class BrowserSupport {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static Playwright playwright;
	static Browser browser;

	@BeforeAll
	static void launch() {
		playwright = playwright();
		browser = chromium(playwright);
	}

	@AfterAll
	static void close() {
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	static Playwright playwright() {
		if (!Files.isExecutable(CHROMIUM)) {
			String message = "chromium is not installed at " + CHROMIUM + " (apt-get install chromium)";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message + ": browser tests skipped");
		}
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	static Browser chromium(Playwright playwright) {
		return playwright.chromium().launch(new BrowserType.LaunchOptions()
				.setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage")));
	}
}
