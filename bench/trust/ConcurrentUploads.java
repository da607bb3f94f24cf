import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Issue 15, items 1 and 2: measures what a worker notices about uploads under load and across a crash, against the
 * packaged jar (any version, so "before" and "after" run the same tool).
 *
 * <pre>
 * java bench/trust/ConcurrentUploads.java uploads --jar target/chuangwen-0.1.0-SNAPSHOT.jar [--levels 10,50,100]
 *      [--px 512] [--db-url jdbc:postgresql://127.0.0.1:5432/x --db-user u --db-password p] [--work target/bench-trust]
 * java bench/trust/ConcurrentUploads.java crash --jar … [--runs 10] [--sequential 5] [--concurrent 12]
 * </pre>
 *
 * uploads: one start of the application (H2 file under --work, or the PostgreSQL given), then per level N concurrent
 * POST /api/v1/materials into ONE fresh community, each with a unique noise JPEG (--px square) and one JPEG every
 * request shares; prints answers by status, wall time, materials/s, MB/s and latency p50/p95.
 *
 * crash: one H2 data directory; odd runs file sequentially and are killed (kill -9) right after the last 201, even
 * runs file concurrently and are killed as soon as most are answered; each next start counts the previous run's
 * acknowledged materials that answer 404 or other bytes (lost), and blobs / partial files no material references.
 */
public class ConcurrentUploads {

	static final String PASSWORD = System.getProperty("password", "chuangwen");
	/** JVM options of the application; the crash runs start it 11 times and only need it up quickly. */
	static final List<String> JVM = new ArrayList<>(List.of("-Xmx768m"));
	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: uploads|crash --jar <jar> [options]; see the comment at the top of this file");
			System.exit(2);
		}
		Map<String, String> options = new HashMap<>();
		for (int i = 1; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		Path jar = Path.of(options.getOrDefault("jar", "target/chuangwen-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
		Path work = Path.of(options.getOrDefault("work", "target/bench-trust")).toAbsolutePath();
		switch (args[0]) {
			case "uploads" -> uploads(jar, work, options);
			case "crash" -> crash(jar, work, options);
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	// ---------------------------------------------------------------- uploads

	static void uploads(Path jar, Path work, Map<String, String> options) throws Exception {
		int px = Integer.parseInt(options.getOrDefault("px", "512"));
		List<Integer> levels = Stream.of(options.getOrDefault("levels", "10,50,100").split(",")).map(Integer::parseInt).toList();
		List<String> extra = new ArrayList<>();
		String database = "h2";
		if (options.containsKey("db-url")) {
			database = "postgres";
			extra.add("--spring.datasource.url=" + options.get("db-url"));
			extra.add("--spring.datasource.username=" + options.getOrDefault("db-user", "postgres"));
			extra.add("--spring.datasource.password=" + options.getOrDefault("db-password", ""));
		}
		Path dir = Files.createDirectories(work.resolve("uploads-" + database + "-" + System.currentTimeMillis()));
		byte[] shared = noiseJpeg(64, new Random(42));
		App app = App.start(jar, dir, extra);
		try {
			System.out.printf("jar %s, database %s, one unique %dx%d noise JPEG + one shared JPEG per material%n", jar.getFileName(), database, px, px);
			System.out.println("| at once | 201 | other answers | wall s | materials/s | MB/s | p50 ms | p95 ms |");
			System.out.println("|---:|---:|---|---:|---:|---:|---:|---:|");
			for (int level : levels) {
				long community = app.newCommunity("压测社区" + level + "-" + UUID.randomUUID().toString().substring(0, 6));
				List<byte[]> unique = new ArrayList<>();
				Random random = new Random(level);
				for (int i = 0; i < level; i++) {
					unique.add(noiseJpeg(px, random));
				}
				ExecutorService pool = Executors.newFixedThreadPool(level);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<long[]>> answers = new ArrayList<>();
				for (int i = 0; i < level; i++) {
					int n = i;
					answers.add(pool.submit(() -> {
						start.await();
						long t0 = System.nanoTime();
						int status = app.file(community, "压测" + n, List.of(unique.get(n), shared)).status;
						return new long[] {status, System.nanoTime() - t0, unique.get(n).length + shared.length};
					}));
				}
				long begin = System.nanoTime();
				start.countDown();
				Map<Integer, Integer> byStatus = new TreeMap<>();
				List<Long> latencies = new ArrayList<>();
				long okBytes = 0;
				for (Future<long[]> answer : answers) {
					long[] r;
					try {
						r = answer.get(10, TimeUnit.MINUTES);
					} catch (Exception e) {
						r = new long[] {-1, 0, 0};
					}
					byStatus.merge((int) r[0], 1, Integer::sum);
					latencies.add(r[1]);
					if (r[0] == 201) {
						okBytes += r[2];
					}
				}
				double wall = (System.nanoTime() - begin) / 1e9;
				pool.shutdownNow();
				int ok = byStatus.getOrDefault(201, 0);
				Map<Integer, Integer> others = new TreeMap<>(byStatus);
				others.remove(201);
				latencies.sort(null);
				System.out.printf("| %d | %d | %s | %.1f | %.1f | %.2f | %d | %d |%n", level, ok, others.isEmpty() ? "none" : others.toString(), wall,
						ok / wall, okBytes / 1e6 / wall, latencies.get(latencies.size() / 2) / 1_000_000, latencies.get((int) (latencies.size() * 0.95)) / 1_000_000);
			}
		} finally {
			app.kill();
		}
		System.out.println("application log: " + dir);
	}

	// ---------------------------------------------------------------- crash

	static void crash(Path jar, Path work, Map<String, String> options) throws Exception {
		int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
		int sequential = Integer.parseInt(options.getOrDefault("sequential", "5"));
		int concurrent = Integer.parseInt(options.getOrDefault("concurrent", "12"));
		int killAfter = concurrent * 3 / 4;
		JVM.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		// one data directory for all runs: each start verifies the run before it, then is itself killed (runs + 1 starts)
		Path dir = Files.createDirectories(work.resolve("crash-" + System.currentTimeMillis()));
		System.out.printf("jar %s, data %s%nodd runs: %d sequential uploads, kill -9 right after the last 201; even runs: %d concurrent, "
				+ "kill -9 after %d answers; each next start checks the run before%n", jar.getFileName(), dir, sequential, concurrent, killAfter);
		System.out.println("| run | kind | acknowledged | lost after restart (404 or other bytes) | orphan blobs after restart | partial files after restart | 5xx answers |");
		System.out.println("|---:|---|---:|---:|---:|---:|---:|");
		int totalAcknowledged = 0;
		int totalLost = 0;
		Map<Long, List<String>> previous = Map.of();
		int[] previousErrors = {0};
		Random random = new Random(7);
		for (int run = 1; run <= runs + 1; run++) {
			App app = App.start(jar, dir, List.of());
			try {
				if (run > 1) {
					int lost = 0;
					for (Map.Entry<Long, List<String>> material : previous.entrySet()) {
						Response bytes = app.get("/api/v1/materials/" + material.getKey() + "/files/0");
						if (bytes.status != 200 || !sha256(bytes.body).equals(material.getValue().get(0))) {
							lost++;
						}
					}
					Path files = dir.resolve("data").resolve("files");
					List<String> referenced = app.referencedBlobs();
					int orphans;
					int partials;
					try (Stream<Path> all = Files.walk(files)) {
						orphans = (int) all.filter(Files::isRegularFile).filter(p -> !p.startsWith(files.resolve("tmp")))
								.filter(p -> !referenced.contains(p.getFileName().toString())).count();
					}
					try (Stream<Path> tmp = Files.list(files.resolve("tmp"))) {
						partials = (int) tmp.count();
					}
					totalAcknowledged += previous.size();
					totalLost += lost;
					System.out.printf("| %d | %s | %d | %d | %d | %d | %d |%n", run - 1, (run - 1) % 2 == 1 ? "sequential" : "concurrent", previous.size(), lost,
							orphans, partials, previousErrors[0]);
				}
				if (run > runs) {
					break;
				}
				Map<Long, List<String>> acknowledged = new ConcurrentHashMap<>();
				int[] serverErrors = {0};
				long community = app.firstCommunity();
				if (run % 2 == 1) {
					for (int i = 0; i < sequential; i++) {
						fileAndRemember(app, community, "顺序" + run + "-" + i, noiseJpeg(256, random), acknowledged, serverErrors);
					}
				} else {
					ExecutorService pool = Executors.newFixedThreadPool(concurrent);
					CountDownLatch enough = new CountDownLatch(killAfter);
					for (int i = 0; i < concurrent; i++) {
						byte[] photo = noiseJpeg(256, random);
						String title = "并发" + run + "-" + i;
						pool.submit(() -> {
							try {
								fileAndRemember(app, community, title, photo, acknowledged, serverErrors);
							} catch (Exception killed) {
								// in flight when the process died: never acknowledged
							}
							enough.countDown();
						});
					}
					enough.await(10, TimeUnit.MINUTES);
					app.kill();
					pool.shutdownNow();
				}
				app.kill();
				previous = Map.copyOf(acknowledged);
				previousErrors[0] = serverErrors[0];
			} finally {
				app.kill();
			}
		}
		System.out.printf("total: %d acknowledged, %d lost after kill -9 over %d runs%n", totalAcknowledged, totalLost, runs);
	}

	static void fileAndRemember(App app, long community, String title, byte[] photo, Map<Long, List<String>> acknowledged, int[] serverErrors)
			throws Exception {
		Response filed = app.file(community, title, List.of(photo));
		if (filed.status == 201) {
			Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(filed.text());
			if (id.find()) {
				acknowledged.put(Long.parseLong(id.group(1)), List.of(sha256(photo)));
			}
		} else if (filed.status >= 500) {
			synchronized (serverErrors) {
				serverErrors[0]++;
			}
		}
	}

	// ---------------------------------------------------------------- the application as a process

	record Response(int status, byte[] body) {
		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	static final class App {
		final Process process;
		final int port;
		final String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

		App(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		static App start(Path jar, Path dir, List<String> extra) throws Exception {
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
			command.addAll(JVM);
			command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
			command.addAll(extra);
			Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile())).start();
			App app = new App(process, port);
			Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
			while (Instant.now().isBefore(deadline)) {
				if (!process.isAlive()) {
					throw new IllegalStateException("the application exited; see " + dir.resolve("app.log"));
				}
				try {
					Response units = app.get("/api/v1/org-units");
					if (units.status == 200 && units.text().contains("COMMUNITY")) {
						return app;
					}
				} catch (IOException notYet) {
					// not listening yet
				}
				process.waitFor(300, TimeUnit.MILLISECONDS);
			}
			app.kill();
			throw new IllegalStateException("the application did not come up; see " + dir.resolve("app.log"));
		}

		Response get(String path) throws IOException, InterruptedException {
			HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", auth)
					.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(r.statusCode(), r.body());
		}

		Response post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
			HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", auth)
					.header("Content-Type", contentType).timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Response(r.statusCode(), r.body());
		}

		long firstCommunity() throws Exception {
			Matcher m = Pattern.compile("\\{[^{}]*\"kind\"\\s*:\\s*\"COMMUNITY\"[^{}]*}").matcher(get("/api/v1/org-units").text());
			if (!m.find()) {
				throw new IllegalStateException("no community in the demo data");
			}
			return idOf(m.group());
		}

		long newCommunity(String name) throws Exception {
			Matcher street = Pattern.compile("\\{[^{}]*\"kind\"\\s*:\\s*\"STREET\"[^{}]*}").matcher(get("/api/v1/org-units").text());
			if (!street.find()) {
				throw new IllegalStateException("no street in the demo data");
			}
			Response created = post("/api/v1/org-units", "application/json",
					("{\"parentId\":" + idOf(street.group()) + ",\"kind\":\"COMMUNITY\",\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
			if (created.status != 201) {
				throw new IllegalStateException("cannot create a community: " + created.status + " " + created.text());
			}
			return idOf(created.text());
		}

		Response file(long community, String title, List<byte[]> photos) throws IOException, InterruptedException {
			String boundary = "cw" + UUID.randomUUID();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"" + title
					+ "\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\"Ⅲ-116\",\"Ⅲ-117\"]}";
			part(out, boundary, "meta", null, "application/json", meta.getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < photos.size(); i++) {
				part(out, boundary, "file", "p" + i + ".jpg", "image/jpeg", photos.get(i));
			}
			out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return post("/api/v1/materials", "multipart/form-data; boundary=" + boundary, out.toByteArray());
		}

		/** Every sha256 named by a material, live or recycled, as the API reports them. */
		List<String> referencedBlobs() throws Exception {
			List<String> keys = new ArrayList<>();
			for (String recycled : List.of("false", "true")) {
				for (int page = 0;; page++) {
					String result = get("/api/v1/materials?size=200&recycled=" + recycled + "&page=" + page).text();
					Matcher ids = Pattern.compile("\"items\"\\s*:\\s*\\[(.*)]").matcher(result);
					Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(result);
					total.find();
					List<Long> materialIds = new ArrayList<>();
					Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(ids.find() ? ids.group(1) : "");
					while (id.find()) {
						materialIds.add(Long.parseLong(id.group(1)));
					}
					for (long materialId : materialIds) {
						Matcher sha = Pattern.compile("\"sha256\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(get("/api/v1/materials/" + materialId).text());
						while (sha.find()) {
							keys.add(sha.group(1));
						}
					}
					if ((page + 1) * 200 >= Integer.parseInt(total.group(1))) {
						break;
					}
				}
			}
			return keys;
		}

		/** kill -9: SIGKILL, no shutdown hook runs. */
		void kill() throws InterruptedException {
			if (process.isAlive()) {
				process.destroyForcibly();
				process.waitFor(1, TimeUnit.MINUTES);
			}
		}

		private static long idOf(String json) {
			Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
			m.find();
			return Long.parseLong(m.group(1));
		}

		private static void part(ByteArrayOutputStream out, String boundary, String name, String fileName, String type, byte[] content) {
			String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
					+ (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
			out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
			out.writeBytes(content);
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
	}

	static byte[] noiseJpeg(int px, Random random) throws IOException {
		BufferedImage image = new BufferedImage(px, px, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < px; y++) {
			for (int x = 0; x < px; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
