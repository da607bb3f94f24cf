package org.chuangwen.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chuangwen.Api;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore as an operator runs them: the platform (a real process on an H2 file database) creates its
 * data, then {@code org.chuangwen.Chuangwen backup|restore} run as processes of their own, with the same
 * {@code --name=value} configuration as the application. The restore gives back byte-identical files and the
 * same rows, and refuses a running application, a non-empty target and a corrupted backup.
 */
class BackupRestoreTests {

	static Path root;
	static Path source;
	static Path backup;

	@BeforeAll
	static void platformCreatesItsDataThenStops() throws Exception {
		root = Files.createDirectories(Path.of("target", "backup-tests", Long.toString(System.nanoTime()))).toAbsolutePath();
		source = root.resolve("source");
		backup = root.resolve("backup");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(java("org.chuangwen.Chuangwen"));
		command.add("--server.port=" + port);
		command.addAll(layout(source));
		Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(root.resolve("app.log").toFile()).start();
		try {
			awaitHealthy(port, app);
			Api api = new Api(port);
			long community = api.get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
			Api.Response filed = api.file("shequ1",
					"{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"备份测试\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\"Ⅲ-29\"]}",
					Api.Part.file("备份测试.docx", DemoFiles.docx("备份测试", "正文")));
			assertThat(filed.status()).as(filed.text()).isEqualTo(201);

			Result whileRunning = run("backup", root.resolve("refused"), source);
			assertThat(whileRunning.status()).as(whileRunning.output()).isEqualTo(2);
			assertThat(whileRunning.output()).contains("数据库正被使用(应用仍在运行?),请先停止应用");
			assertThat(root.resolve("refused").resolve("manifest.sha256")).doesNotExist();
		} finally {
			app.destroy();
			assertThat(app.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(source.resolve("keys/personal-data.key")).exists();
		assertThat(files(source.resolve("files"))).isNotEmpty();

		Result backedUp = run("backup", backup, source);
		assertThat(backedUp.status()).as(backedUp.output()).isZero();
	}

	@Test
	void theManifestChecksWithSha256sum() throws Exception {
		Process check = new ProcessBuilder("sha256sum", "--quiet", "-c", "manifest.sha256").directory(backup.toFile()).redirectErrorStream(true).start();
		String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(check.waitFor()).as(output).isZero();
		List<String> listed = Files.readAllLines(backup.resolve("manifest.sha256"));
		assertThat(listed).anyMatch(l -> l.endsWith("  database.sql.gz")).anyMatch(l -> l.endsWith("  keys/personal-data.key"));
		assertThat(listed).hasSize(files(backup).size() - 1);
	}

	@Test
	void aRestoreIntoEmptyFoldersGivesBackTheSameFilesAndRows() throws Exception {
		Path target = root.resolve("restored");
		Result restored = run("restore", backup, target);

		assertThat(restored.status()).as(restored.output()).isZero();
		assertThat(files(target.resolve("files"))).isEqualTo(files(source.resolve("files")));
		assertThat(Files.readAllBytes(target.resolve("keys/personal-data.key"))).isEqualTo(Files.readAllBytes(source.resolve("keys/personal-data.key")));
		assertThat(rows(target)).isEqualTo(rows(source));
	}

	@Test
	void aRestoreRefusesANonEmptyFileFolderOrDatabaseAndChangesNothing() throws Exception {
		Path target = root.resolve("occupied");
		Files.createDirectories(target.resolve("files"));
		Files.writeString(target.resolve("files/already-here.txt"), "x");
		Result refused = run("restore", backup, target);
		assertThat(refused.status()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("不为空,只能恢复到空目录");
		assertThat(files(target)).containsOnlyKeys("files/already-here.txt");

		Path restored = root.resolve("twice");
		assertThat(run("restore", backup, restored).status()).isZero();
		Map<String, String> before = files(restored.resolve("files"));
		Map<String, String> rowsBefore = rows(restored);
		List<String> onlyTheDatabase = new ArrayList<>(layout(restored));
		onlyTheDatabase.replaceAll(a -> a.startsWith("--chuangwen.storage.root=") ? "--chuangwen.storage.root=" + root.resolve("empty-files") : a);
		onlyTheDatabase.replaceAll(a -> a.startsWith("--chuangwen.personal-data.key-file=") ? "--chuangwen.personal-data.key-file=" + root.resolve("other.key") : a);
		Result database = run("restore", backup, onlyTheDatabase);
		assertThat(database.status()).as(database.output()).isEqualTo(2);
		assertThat(database.output()).contains("不为空,只能恢复到空数据库");
		assertThat(files(restored.resolve("files"))).isEqualTo(before);
		assertThat(rows(restored)).isEqualTo(rowsBefore);
		assertThat(root.resolve("empty-files")).doesNotExist();
	}

	@Test
	void aBackupWithOneChangedByteIsRefusedBeforeAnythingIsRestored() throws Exception {
		Path corrupted = root.resolve("corrupted");
		for (Map.Entry<String, String> file : files(backup).entrySet()) {
			Files.createDirectories(corrupted.resolve(file.getKey()).getParent());
			Files.copy(backup.resolve(file.getKey()), corrupted.resolve(file.getKey()));
		}
		String blob = files(corrupted).keySet().stream().filter(p -> p.startsWith("files/")).findFirst().orElseThrow();
		byte[] bytes = Files.readAllBytes(corrupted.resolve(blob));
		bytes[bytes.length / 2] ^= 1;
		Files.write(corrupted.resolve(blob), bytes);

		Path target = root.resolve("from-corrupted");
		Result refused = run("restore", corrupted, target);

		assertThat(refused.status()).as(refused.output()).isEqualTo(2);
		assertThat(refused.output()).contains("备份已损坏:" + blob + " 的 SHA-256 与清单不符,未恢复任何内容");
		assertThat(target).doesNotExist();
	}

	@Test
	void aBackupNeverWritesIntoAFolderThatHoldsSomethingAndPostgresIsLeftToItsOwnTools() throws Exception {
		Result occupied = run("backup", backup, source);
		assertThat(occupied.status()).isEqualTo(2);
		assertThat(occupied.output()).contains("不为空,请指定新的或空的目录");

		List<String> postgres = new ArrayList<>(layout(source));
		postgres.replaceAll(a -> a.startsWith("--spring.datasource.url=") ? "--spring.datasource.url=jdbc:postgresql://localhost:5432/chuangwen" : a);
		Result refused = run("backup", root.resolve("pg"), postgres);
		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.output()).contains("pg_dump").contains("aws s3 sync");
	}

	record Result(int status, String output) {}

	static Result run(String command, Path dir, Path data) throws Exception {
		return run(command, dir, layout(data));
	}

	static Result run(String command, Path dir, List<String> configuration) throws Exception {
		List<String> line = new ArrayList<>(java("org.chuangwen.Chuangwen"));
		line.add(command);
		line.add(dir.toString());
		line.addAll(configuration);
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	/** The application's own configuration properties, pointing at one data folder. */
	static List<String> layout(Path data) {
		return List.of(
				"--spring.datasource.url=jdbc:h2:file:" + data.resolve("db/chuangwen") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
				"--chuangwen.storage.root=" + data.resolve("files"),
				"--chuangwen.personal-data.key-file=" + data.resolve("keys/personal-data.key"),
				"--chuangwen.archive.export-dir=" + data.resolve("exports"));
	}

	/** A JVM with the application's classpath: the test classes (and their test configuration) left out. */
	static List<String> java(String mainClass) {
		String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
				.filter(entry -> !entry.replace('\\', '/').endsWith("/test-classes"))
				.collect(Collectors.joining(File.pathSeparator));
		return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classpath, mainClass);
	}

	static void awaitHealthy(int port, Process app) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
		while (Instant.now().isBefore(deadline)) {
			assertThat(app.isAlive()).as("the application exited; see " + root.resolve("app.log")).isTrue();
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("UP") && demoDataCreated()) {
					return;
				}
			} catch (IOException notYet) {
				// not listening yet
			}
			app.waitFor(500, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError("the application did not become healthy; see " + root.resolve("app.log"));
	}

	private static boolean demoDataCreated() throws IOException {
		return Files.readString(root.resolve("app.log")).contains("Demo data created");
	}

	/** Every file under {@code dir} by relative path, with its SHA-256. */
	static Map<String, String> files(Path dir) throws Exception {
		Map<String, String> hashes = new TreeMap<>();
		if (!Files.isDirectory(dir)) {
			return hashes;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				hashes.put(dir.relativize(file).toString().replace('\\', '/'),
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
			}
		}
		return hashes;
	}

	/** Every table of the database with its row count and the SHA-256 of its rows, sorted. */
	static Map<String, String> rows(Path data) throws Exception {
		Map<String, String> tables = new TreeMap<>();
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/chuangwen") + ";MODE=PostgreSQL;IFEXISTS=TRUE", "sa", "");
				Statement s = db.createStatement()) {
			List<String> names = new ArrayList<>();
			try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = 'PUBLIC'")) {
				while (rs.next()) {
					names.add(rs.getString(1));
				}
			}
			for (String table : names) {
				List<String> lines = new ArrayList<>();
				try (ResultSet rs = s.executeQuery("select * from \"" + table + "\"")) {
					ResultSetMetaData meta = rs.getMetaData();
					while (rs.next()) {
						StringBuilder line = new StringBuilder();
						for (int i = 1; i <= meta.getColumnCount(); i++) {
							Object value = rs.getObject(i);
							line.append(value instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(value)).append('\u0001');
						}
						lines.add(line.toString());
					}
				}
				lines.sort(null);
				tables.put(table, lines.size() + " rows " + HexFormat.of().formatHex(
						MessageDigest.getInstance("SHA-256").digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))));
			}
		}
		assertThat(tables).containsKeys("AUDIT_EVENT", "MATERIAL", "flyway_schema_history");
		return tables;
	}
}
