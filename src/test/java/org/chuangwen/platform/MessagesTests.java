package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese and English stay in step, every key a page or the code asks for exists, and none lies unused. */
class MessagesTests {

	private static final Path RESOURCES = Path.of("src", "main", "resources");
	private static final Pattern TEMPLATE_KEY = Pattern.compile("(?:#\\{|#messages\\.msg\\(')([a-z0-9.-]+)");
	private static final Pattern CODE_KEY = Pattern.compile("\"((?:[a-z0-9-]+\\.)+[a-z0-9-]+)\"");
	/** Keys a page composes, like {@code #{'exports.state.' + ${job.state}}}: every key with the prefix counts as used. */
	private static final Pattern TEMPLATE_PREFIX = Pattern.compile("#\\{'([a-z0-9.-]+\\.)'");
	/** Keys the code composes, like {@code "audit.action." + action}: every key with the prefix counts as used. */
	private static final Pattern CODE_PREFIX = Pattern.compile("\"((?:[a-z0-9-]+\\.)+)\" \\+");

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames()).isEqualTo(load("messages.properties").stringPropertyNames());
	}

	@Test
	void everyKeyUsedInTemplatesAndCodeExistsAndEveryKeyIsUsed() throws IOException {
		Set<String> defined = load("messages.properties").stringPropertyNames();
		Set<String> inTemplates = find(RESOURCES.resolve("templates"), TEMPLATE_KEY);
		Set<String> inCode = find(Path.of("src", "main", "java"), CODE_KEY);
		inCode.retainAll(defined);
		assertThat(defined).containsAll(inTemplates);
		Set<String> used = new TreeSet<>(inTemplates);
		used.addAll(inCode);
		Set<String> prefixes = find(RESOURCES.resolve("templates"), TEMPLATE_PREFIX);
		prefixes.addAll(find(Path.of("src", "main", "java"), CODE_PREFIX));
		for (String prefix : prefixes) {
			defined.stream().filter(key -> key.startsWith(prefix)).forEach(used::add);
		}
		assertThat(new TreeSet<>(defined)).isEqualTo(used);
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static Set<String> find(Path root, Pattern pattern) throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher m = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					keys.add(m.group(1));
				}
			}
		}
		return keys;
	}
}
