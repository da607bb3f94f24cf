package org.chuangwen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Launches the packaged app ({@code java -jar}, with {@code BENCH_JAVA_OPTS}) on its own H2 database and file store
 * under a work dir, writes its pid for run.sh to stop it, and polls {@code /actuator/health} every 20 ms until UP.
 * The JVM keeps running after this helper exits: the next scenarios measure it.
 */
final class AppProcess {

	/** A started app: its pid, when it was launched, and the nanoseconds until the first HTTP answer and until UP. */
	record Started(long pid, boolean existingData, Instant launched, long firstHttpNanos, int firstStatus, long upNanos) {}

	private AppProcess() {}

	static Started launch(Path jar, Path dir, int port, Path pidFile, Path log) throws Exception {
		Files.createDirectories(dir);
		List<String> cmd = new ArrayList<>();
		cmd.add("java");
		String opts = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "").strip();
		if (!opts.isEmpty()) {
			cmd.addAll(Arrays.asList(opts.split("\\s+")));
		}
		cmd.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
				"--spring.datasource.url=jdbc:h2:file:" + dir + "/data/db/chuangwen;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH",
				"--chuangwen.storage.root=" + dir + "/data/files", "--chuangwen.archive.export-dir=" + dir + "/data/exports"));
		boolean existing = Files.exists(dir.resolve("data/db"));
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(5)).build();
		try {
			http.send(health, HttpResponse.BodyHandlers.discarding());
			System.err.println("port " + port + " already answers; stop whatever runs there first");
			System.exit(1);
		} catch (IOException expected) {
			// nothing listens: good
		}

		ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		Instant launched = Instant.now();
		long t0 = System.nanoTime();
		Process p = pb.start();
		Files.writeString(pidFile, Long.toString(p.pid()));
		long firstHttp = -1;
		int firstStatus = -1;
		long up = -1;
		long deadline = t0 + Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_START_TIMEOUT", "300"))).toNanos();
		while (System.nanoTime() < deadline) {
			if (!p.isAlive()) {
				System.err.println("the app exited with " + p.exitValue() + " before it was UP; see " + log);
				System.exit(1);
			}
			try {
				HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
				long now = System.nanoTime();
				if (firstHttp < 0) {
					firstHttp = now - t0;
					firstStatus = r.statusCode();
				}
				if (r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")) {
					up = now - t0;
					break;
				}
			} catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(20);
		}
		if (up < 0) {
			System.err.println("the app was not UP within the timeout; see " + log);
			System.exit(1);
		}
		return new Started(p.pid(), existing, launched, firstHttp, firstStatus, up);
	}
}
