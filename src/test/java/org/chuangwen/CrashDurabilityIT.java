package org.chuangwen;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The packaged application, killed like a crash, twice: once the moment the last of some sequential uploads is
 * acknowledged, once while many concurrent uploads are in flight. After a restart on the same data every acknowledged
 * material is there with identical bytes, and the restart has removed what the killed uploads left (partial files,
 * blobs no material references).
 *
 * <p>Runs in Maven's integration-test phase against {@code target/chuangwen-*.jar} (property {@code chuangwen.jar}),
 * with the embedded defaults (H2 file and files under its own working directory).
 */
class CrashDurabilityIT {

	private static final Duration STARTUP = Duration.ofMinutes(5);
	private static final int SEQUENTIAL = 5;
	private static final int CONCURRENT = 16;
	private static final int ACKNOWLEDGED_BEFORE_KILL = 10;

	private final Map<Long, List<String>> acknowledged = new ConcurrentHashMap<>();

	@Test
	void everyAcknowledgedUploadSurvivesKillNineAndTheRestartLeavesNoOrphans() throws Exception {
		Path dir = Files.createDirectories(Path.of("target", "crash-it", "run-" + Instant.now().toEpochMilli())).toAbsolutePath();
		Path files = dir.resolve("data").resolve("files");

		// one after the other, killed right after the last answer
		App first = App.start(dir);
		try {
			Api api = new Api(first.port);
			long community = community(api);
			for (int i = 0; i < SEQUENTIAL; i++) {
				assertThat(file(api, community, i)).isEqualTo(201);
			}
			first.kill();
		} finally {
			first.kill();
		}

		// many at once, killed as soon as ACKNOWLEDGED_BEFORE_KILL are answered while the rest are still in flight
		App second = App.start(dir);
		try {
			Api api = new Api(second.port);
			long community = community(api);
			ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT);
			CountDownLatch enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
			List<Integer> refused = new CopyOnWriteArrayList<>();
			try {
				for (int i = 0; i < CONCURRENT; i++) {
					int n = SEQUENTIAL + i;
					pool.submit(() -> {
						try {
							int status = file(api, community, n);
							if (status != 201) {
								refused.add(status);
							}
							enough.countDown();
						} catch (RuntimeException killed) {
							// the process was killed under this request: it was never answered
						}
					});
				}
				assertThat(enough.await(5, TimeUnit.MINUTES)).as("concurrent uploads answered").isTrue();
				second.kill();
			} finally {
				pool.shutdownNow();
				pool.awaitTermination(1, TimeUnit.MINUTES);
			}
			assertThat(refused).as("answers other than 201 before the kill").isEmpty();
		} finally {
			second.kill();
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(SEQUENTIAL + ACKNOWLEDGED_BEFORE_KILL);

		// what any crash can leave besides: a partial copy and a blob whose rows never committed
		Files.writeString(files.resolve("tmp").resolve("left-by-a-crash.part"), "half");
		byte[] neverFiled = "stored, never committed".getBytes();
		String orphan = sha256(neverFiled);
		Files.createDirectories(files.resolve(orphan.substring(0, 2)).resolve(orphan.substring(2, 4)));
		Files.write(files.resolve(orphan.substring(0, 2)).resolve(orphan.substring(2, 4)).resolve(orphan), neverFiled);

		App third = App.start(dir);
		try {
			Api api = new Api(third.port);
			for (Map.Entry<Long, List<String>> material : acknowledged.entrySet()) {
				Api.Response found = api.get("admin", "/api/v1/materials/" + material.getKey());
				assertThat(found.status()).as("acknowledged material %d after the crash", material.getKey()).isEqualTo(200);
				for (int f = 0; f < material.getValue().size(); f++) {
					Api.Response bytes = api.get("admin", "/api/v1/materials/" + material.getKey() + "/files/" + f);
					assertThat(bytes.status()).isEqualTo(200);
					assertThat(sha256(bytes.body())).isEqualTo(material.getValue().get(f));
				}
			}
			assertThat(blobsOnDisk(files)).as("blobs on disk after the restart").isEqualTo(referenced(api));
			try (Stream<Path> tmp = Files.list(files.resolve("tmp"))) {
				assertThat(tmp).as("partial files after the restart").isEmpty();
			}
		} finally {
			third.kill();
		}
	}

	/** Files one material; remembers it when acknowledged. */
	private int file(Api api, long community, int n) {
		byte[] unique = DemoFiles.jpeg(320, 240, new Color(0x204060 + n * 7919), null);
		byte[] shared = DemoFiles.jpeg(200, 150, n % 2 == 0 ? Color.ORANGE : Color.CYAN, null);
		String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"崩溃前" + n
				+ "\",\"dateFormed\":\"2010-06-01\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file("u" + n + ".jpg", unique), Api.Part.file("s" + n + ".jpg", shared));
		if (filed.status() == 201) {
			acknowledged.put(filed.id(), List.of(sha256(unique), sha256(shared)));
		}
		return filed.status();
	}

	private static long community(Api api) {
		for (JsonNode unit : api.get("admin", "/api/v1/org-units").json()) {
			if (unit.get("kind").asString().equals("COMMUNITY")) {
				return unit.get("id").asLong();
			}
		}
		throw new AssertionError("the demo data has no community");
	}

	/** Every blob some material (live or recycled) names, as the API reports them. */
	private static Set<String> referenced(Api api) {
		Set<String> keys = new HashSet<>();
		for (String recycled : List.of("false", "true")) {
			for (int page = 0;; page++) {
				JsonNode result = api.get("admin", "/api/v1/materials?size=200&recycled=" + recycled + "&page=" + page).json();
				for (JsonNode item : result.get("items")) {
					for (JsonNode file : api.get("admin", "/api/v1/materials/" + item.get("id").asLong()).json().get("files")) {
						keys.add(file.get("sha256").asString());
					}
				}
				if ((page + 1) * 200 >= result.get("total").asInt()) {
					break;
				}
			}
		}
		return keys;
	}

	private static Set<String> blobsOnDisk(Path files) throws IOException {
		try (Stream<Path> all = Files.walk(files)) {
			Set<String> keys = new HashSet<>();
			all.filter(Files::isRegularFile).filter(p -> !p.startsWith(files.resolve("tmp"))).forEach(p -> keys.add(p.getFileName().toString()));
			return keys;
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (java.security.NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** The packaged application as its own process, in {@code dir} (so {@code ./data} is under it). */
	private static final class App {

		final Process process;
		final int port;

		private App(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		static App start(Path dir) throws IOException, InterruptedException {
			Path jar = Path.of(System.getProperty("chuangwen.jar", "target/chuangwen-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
			assertThat(jar).as("the packaged application (run in the integration-test phase)").exists();
			int port = freePort();
			Path log = dir.resolve("app-" + port + ".log");
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
					"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port)
					.directory(dir.toFile())
					.redirectErrorStream(true)
					.redirectOutput(log.toFile())
					.start();
			App app = new App(process, port);
			try {
				app.awaitDemoData(log);
			} catch (RuntimeException | AssertionError | InterruptedException e) {
				app.kill();
				throw e;
			}
			return app;
		}

		/** Waits until the demo accounts can log in and see the demo communities (demo data is made after start). */
		private void awaitDemoData(Path log) throws InterruptedException {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			String token = java.util.Base64.getEncoder().encodeToString(("admin:" + Api.PASSWORD).getBytes());
			Instant deadline = Instant.now().plus(STARTUP);
			while (Instant.now().isBefore(deadline)) {
				if (!process.isAlive()) {
					throw new AssertionError("the application exited with " + process.exitValue() + "; see " + log);
				}
				try {
					HttpResponse<String> units = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/org-units"))
							.header("Authorization", "Basic " + token).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
					if (units.statusCode() == 200 && units.body().contains("COMMUNITY")) {
						return;
					}
				} catch (IOException notYet) {
					// not listening yet
				}
				process.waitFor(500, TimeUnit.MILLISECONDS);
			}
			throw new AssertionError("the application did not come up within " + STARTUP + "; see " + log);
		}

		/** SIGKILL on Linux, like {@code kill -9}: no shutdown hook, no H2 close, no flush. */
		void kill() throws InterruptedException {
			if (process.isAlive()) {
				process.destroyForcibly();
				if (!process.waitFor(1, TimeUnit.MINUTES)) {
					throw new IllegalStateException("the application did not die");
				}
			}
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}
}
