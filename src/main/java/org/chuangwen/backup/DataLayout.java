package org.chuangwen.backup;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * Where the application keeps its data, read from the same configuration sources and with the same defaults as
 * the application itself ({@code StorageProperties}, {@code PersonalDataProperties}).
 */
record DataLayout(String url, String username, String password, Path files, Path keyFile, boolean keyInConfiguration) {

	static DataLayout of(Environment env) {
		return new DataLayout(
				env.getProperty("spring.datasource.url", ""),
				env.getProperty("spring.datasource.username", "sa"),
				env.getProperty("spring.datasource.password", ""),
				Path.of(env.getProperty("chuangwen.storage.root", "data/files")).toAbsolutePath().normalize(),
				Path.of(env.getProperty("chuangwen.personal-data.key-file", "data/keys/personal-data.key")).toAbsolutePath().normalize(),
				!env.getProperty("chuangwen.personal-data.key", "").isBlank());
	}

	boolean postgres() {
		return url.startsWith("jdbc:postgresql:");
	}

	/** An H2 database in a file (not in memory, not over TCP): the embedded default. */
	boolean embeddedH2() {
		return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
				&& !url.startsWith("jdbc:h2:ssl:");
	}
}
