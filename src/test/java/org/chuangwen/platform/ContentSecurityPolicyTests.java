package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The policy allows no inline script, so no template may carry one: no {@code <script>} without {@code src} (JSON data
 * blocks excepted), no {@code on…=} attribute, no {@code javascript:} URL, no htmx {@code hx-on} (which evaluates code).
 */
class ContentSecurityPolicyTests {

	private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
	private static final Pattern HANDLER = Pattern.compile("\\s(?:th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
	private static final Pattern CODE_URL = Pattern.compile("javascript:|hx-on|hx-vars|\\bjs:", Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateCarriesInlineScript() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "resources", "templates"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String html = Files.readString(file, StandardCharsets.UTF_8);
				Matcher script = SCRIPT.matcher(html);
				while (script.find()) {
					String attributes = script.group(1);
					if (!attributes.contains("src=") && !attributes.contains("type=\"application/json\"")) {
						found.add(file + ": inline <script" + attributes + ">");
					}
				}
				Matcher handler = HANDLER.matcher(html);
				while (handler.find()) {
					found.add(file + ": event handler attribute" + handler.group());
				}
				Matcher url = CODE_URL.matcher(html);
				while (url.find()) {
					found.add(file + ": " + url.group());
				}
			}
		}
		assertThat(found).isEmpty();
	}
}
