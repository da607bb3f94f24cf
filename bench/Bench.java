import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Benchmark helper for 创文 (JDK classes only; run with {@code java bench/Bench.java <command> …}).
 *
 * <p>Every measured value is appended as {@code key=value} to the file named by the environment variable
 * {@code BENCH_KV} (if set) and echoed to stdout; {@code report} turns that file into Markdown.
 *
 * <pre>
 * start     JAR WORKDIR PORT PIDFILE LOGFILE LABEL   launch the app, time it until /actuator/health is UP
 * photos    DIR COUNT WIDTH HEIGHT QUALITY SEED      distinct random-noise JPEGs (with EXIF DateTimeOriginal)
 * diskwrite SRCDIR OUTDIR                            plain-Java write of the same bytes (unsynced, +SHA-256, fsynced)
 * upload    BASE USER PASS UNIT_NAME DIR_A DIR_B     one material per photo (DIR_A), then all of DIR_B in one request
 * seed      BASE USER PASS DISTRICT COMMUNITIES PER PARALLEL api|form
 * latency   BASE USER PASS UNIT_ID COMMUNITIES WARMUP N SESSION_FILE
 * exportseed BASE USER PASS STREET MB PER_MATERIAL WIDTH HEIGHT QUALITY PDF(0|1) EXTRAS(0|1)
 *                                                  a community with ≈MB of photos in box Ⅲ-116 (+ PDF twin, + small files)
 * blobs     BASE USER PASS UNIT_ID CODE|- STORE_ROOT OUT_LIST LABEL   the unit's stored blob files, from the API
 * export    BASE USER PASS UNIT_ID CODES|all LABEL APP_PID APP_LOG OUT_DIR SERVER_EXPORT_DIR
 *                                                  export, poll to DONE (jstat heap), download, Range halves, anatomy
 * gclog     GC_LOG LABEL                           max heap before/after collections from -Xlog:gc
 * activity  BASE ADMIN PASS WRITER PASS STREET RUNS PHOTOS WIDTH HEIGHT QUALITY
 *                                                  per run a fresh community + activity (Ⅲ-29, Ⅲ-25, Ⅲ-117): PHOTOS photos in
 *                                                  one stage request, then one request each; readiness polled until 图片 shows
 * activityflow BASE ADMIN PASS WRITER PASS STREET  plan (festival pre-fill) → check-ins → photos → plan/attendance → briefing,
 *                                                  on the pages; form fields parsed, every typed fact looked up in every DOCX
 * report    KVFILE OUT.md
 * </pre>
 */
public class Bench {

	static final Path KV = System.getenv("BENCH_KV") == null || System.getenv("BENCH_KV").isBlank() ? null : Path.of(System.getenv("BENCH_KV"));
	static final double MB = 1_000_000.0;

	public static void main(String[] args) throws Exception {
		if (args.length == 0) {
			System.err.println("usage: java Bench.java start|photos|diskwrite|upload|seed|latency|exportseed|blobs|export|gclog|activity|activityflow|report …");
			System.exit(2);
		}
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		switch (args[0]) {
			case "start" -> start(rest);
			case "photos" -> photos(rest);
			case "diskwrite" -> diskwrite(rest);
			case "upload" -> upload(rest);
			case "seed" -> seed(rest);
			case "latency" -> latency(rest);
			case "exportseed" -> exportSeed(rest);
			case "blobs" -> blobs(rest);
			case "export" -> export(rest);
			case "gclog" -> gcLog(rest);
			case "activity" -> activity(rest);
			case "activityflow" -> activityFlow(rest);
			case "report" -> Report.write(Path.of(rest[0]), Path.of(rest[1]));
			default -> {
				System.err.println("unknown command " + args[0]);
				System.exit(2);
			}
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// 1. Cold start
	// ---------------------------------------------------------------------------------------------------------

	static void start(String[] a) throws Exception {
		Path jar = Path.of(a[0]).toAbsolutePath();
		Path dir = Path.of(a[1]).toAbsolutePath();
		int port = Integer.parseInt(a[2]);
		Path pidFile = Path.of(a[3]);
		Path log = Path.of(a[4]);
		String label = a[5];
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
		kv(label + ".existing_data", existing);
		kv(label + ".pid", p.pid());
		kv(label + ".up_ms", ms(up));
		kv(label + ".first_http_ms", ms(firstHttp));
		kv(label + ".first_http_status", firstStatus);
		// Milestones from the app's own log (timestamps relative to the launch)
		Map<String, String> marks = new LinkedHashMap<>();
		marks.put("spring_starting", "Starting Chuangwen");
		marks.put("context_init", "Root WebApplicationContext: initialization completed");
		marks.put("flyway_done", "o.f.core.internal.command.DbMigrate");
		marks.put("tomcat_started", "Tomcat started on port");
		marks.put("started", "Started Chuangwen in");
		marks.put("demo_data", "Demo data created");
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		int from = 0;
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).contains("Starting Chuangwen")) {
				from = i;
				break;
			}
		}
		for (Map.Entry<String, String> mark : marks.entrySet()) {
			Instant at = null;
			for (int i = from; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.contains(mark.getValue()) && timestamp(line) != null) {
					at = timestamp(line);
					if (!mark.getKey().equals("flyway_done")) {
						break; // the first line for every mark but Flyway's, whose last line ends the migration
					}
				}
			}
			if (at != null) {
				kv(label + ".log." + mark.getKey() + "_ms", Duration.between(launched, at).toMillis());
			}
		}
		for (int i = from; i < lines.size(); i++) {
			Matcher m = Pattern.compile("Started Chuangwen in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)").matcher(lines.get(i));
			if (m.find()) {
				kv(label + ".spring_reported_s", m.group(1));
				kv(label + ".process_reported_s", m.group(2));
			}
		}
	}

	static Instant timestamp(String line) {
		int sp = line.indexOf(' ');
		if (sp <= 0) {
			return null;
		}
		try {
			return OffsetDateTime.parse(line.substring(0, sp)).toInstant();
		} catch (RuntimeException e) {
			return null;
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// 2. Photos, plain disk writes, uploads
	// ---------------------------------------------------------------------------------------------------------

	static void photos(String[] a) throws Exception {
		Path dir = Path.of(a[0]);
		int count = Integer.parseInt(a[1]);
		int width = Integer.parseInt(a[2]);
		int height = Integer.parseInt(a[3]);
		float quality = Float.parseFloat(a[4]);
		long seed = Long.parseLong(a[5]);
		Files.createDirectories(dir);
		long t0 = System.nanoTime();
		AtomicLong bytes = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		List<Future<?>> jobs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			jobs.add(pool.submit(() -> {
				byte[] jpeg = noiseJpeg(width, height, quality, new SplittableRandom(seed * 1_000_003L + n));
				jpeg = withExifTime(jpeg, LocalDateTime.of(2010, 5, 1, 9, 0).plusMinutes(n));
				Files.write(dir.resolve(String.format("photo-%d-%03d.jpg", seed, n)), jpeg);
				bytes.addAndGet(jpeg.length);
				return null;
			}));
		}
		for (Future<?> job : jobs) {
			job.get();
		}
		pool.shutdown();
		System.out.printf(Locale.ROOT, "generated %d JPEGs %dx%d q=%.2f in %s: %.1f MB (%.2f MB each)%n", count, width, height, quality,
				dir, bytes.get() / MB, bytes.get() / MB / count);
		kv("photos." + seed + ".gen_ms", ms(System.nanoTime() - t0));
	}

	static byte[] noiseJpeg(int w, int h, float quality, SplittableRandom random) throws IOException {
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < px.length; i++) {
			px[i] = random.nextInt(0x1000000);
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(quality);
		ByteArrayOutputStream out = new ByteArrayOutputStream(4 << 20);
		try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(ios);
			writer.write(null, new IIOImage(image, null, null), param);
		} finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** Inserts an APP1 Exif segment with DateTimeOriginal right after SOI, as a camera does. */
	static byte[] withExifTime(byte[] jpeg, LocalDateTime takenAt) {
		byte[] time = (DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss").format(takenAt) + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(44 + time.length);
		tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
		tiff.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(26).putInt(0);
		tiff.putShort((short) 1).putShort((short) 0x9003).putShort((short) 2).putInt(time.length).putInt(44).putInt(0);
		tiff.put(time);
		byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		int length = 2 + header.length + tiff.capacity();
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
		out.put(jpeg, 0, 2);
		out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(tiff.array());
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	static List<Path> files(Path dir) throws IOException {
		try (var s = Files.list(dir)) {
			return s.filter(Files::isRegularFile).sorted().toList();
		}
	}

	static void diskwrite(String[] a) throws Exception {
		List<Path> sources = files(Path.of(a[0]));
		Path out = Path.of(a[1]);
		List<byte[]> contents = new ArrayList<>();
		long total = 0;
		for (Path p : sources) {
			byte[] b = Files.readAllBytes(p);
			contents.add(b);
			total += b.length;
		}
		// one untimed pass warms up the code paths; then plain and hashed writes alternate, 3 times each
		writePlain(contents, sources, out.resolve("warmup"));
		int reps = 3;
		long[] plain = new long[reps];
		long[] hashed = new long[reps];
		for (int r = 0; r < reps; r++) {
			plain[r] = writePlain(contents, sources, out.resolve("plain-" + r));
			Path d = Files.createDirectories(out.resolve("sha-" + r));
			long t0 = System.nanoTime();
			for (int i = 0; i < contents.size(); i++) {
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				try (OutputStream o = new DigestOutputStream(Files.newOutputStream(d.resolve(sources.get(i).getFileName())), sha)) {
					new ByteArrayInputStream(contents.get(i)).transferTo(o);
				}
				sha.digest();
			}
			hashed[r] = System.nanoTime() - t0;
			delete(d);
		}
		Path d = Files.createDirectories(out.resolve("synced"));
		long t0 = System.nanoTime();
		for (int i = 0; i < contents.size(); i++) {
			try (FileChannel ch = FileChannel.open(d.resolve(sources.get(i).getFileName()), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buf = ByteBuffer.wrap(contents.get(i));
				while (buf.hasRemaining()) {
					ch.write(buf);
				}
				ch.force(true);
			}
		}
		long synced = System.nanoTime() - t0;
		delete(d);
		kv("disk.files", contents.size());
		kv("disk.bytes", total);
		kv("disk.plain_ms", ms(median(plain)));
		kv("disk.plain_all_ms", Arrays.stream(plain).mapToObj(v -> fmt(ms(v))).collect(Collectors.joining(" / ")));
		kv("disk.sha_ms", ms(median(hashed)));
		kv("disk.sha_all_ms", Arrays.stream(hashed).mapToObj(v -> fmt(ms(v))).collect(Collectors.joining(" / ")));
		kv("disk.synced_ms", ms(synced));
	}

	/** Files.write of every file into a fresh directory (deleted again afterwards); returns the nanoseconds taken. */
	static long writePlain(List<byte[]> contents, List<Path> sources, Path d) throws IOException {
		Files.createDirectories(d);
		long t0 = System.nanoTime();
		for (int i = 0; i < contents.size(); i++) {
			Files.write(d.resolve(sources.get(i).getFileName()), contents.get(i));
		}
		long took = System.nanoTime() - t0;
		delete(d);
		return took;
	}

	static void delete(Path dir) throws IOException {
		try (var s = Files.walk(dir)) {
			for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

	static void upload(String[] a) throws Exception {
		String base = a[0];
		Api api = new Api(base, a[1], a[2]);
		String unitName = a[3];
		List<Path> setA = files(Path.of(a[4]));
		List<Path> setB = files(Path.of(a[5]));
		long unitId = -1;
		for (Object o : (List<?>) api.getJson("/api/v1/org-units")) {
			Map<?, ?> u = (Map<?, ?>) o;
			if (unitName.equals(u.get("name")) && "COMMUNITY".equals(u.get("kind"))) {
				unitId = ((Number) u.get("id")).longValue();
			}
		}
		if (unitId < 0) {
			throw new IllegalStateException(a[1] + " does not see a community named " + unitName);
		}
		kv("upload.unit_id", unitId);

		// the cheapest API call: HTTP Basic authentication and nothing else
		long[] me = new long[15];
		for (int i = 0; i < me.length; i++) {
			long t0 = System.nanoTime();
			api.expect(api.get("/api/v1/me"), 200);
			me[i] = System.nanoTime() - t0;
		}
		kv("upload.me_median_ms", ms(median(Arrays.copyOfRange(me, 5, me.length))));

		// one material per photo, sequential
		List<byte[]> a1 = new ArrayList<>();
		List<String> shaA = new ArrayList<>();
		long bytesA = 0;
		for (Path p : setA) {
			byte[] b = Files.readAllBytes(p);
			a1.add(b);
			shaA.add(sha256(b));
			bytesA += b.length;
		}
		long[] each = new long[a1.size()];
		long t0 = System.nanoTime();
		for (int i = 0; i < a1.size(); i++) {
			Multipart body = new Multipart();
			body.json("meta", meta(unitId, "图片", "压测照片 " + (i + 1), "2010-05-01", List.of("Ⅲ-116")));
			body.file("file", setA.get(i).getFileName().toString(), "image/jpeg", a1.get(i));
			long s = System.nanoTime();
			HttpResponse<String> r = api.post("/api/v1/materials", body);
			each[i] = System.nanoTime() - s;
			api.expect(r, 201);
			Map<?, ?> m = (Map<?, ?>) Json.parse(r.body());
			Map<?, ?> f = (Map<?, ?>) ((List<?>) m.get("files")).get(0);
			if (((Number) f.get("size")).longValue() != a1.get(i).length || !shaA.get(i).equals(f.get("sha256"))) {
				throw new IllegalStateException("stored file differs from the upload: " + r.body());
			}
		}
		long seq = System.nanoTime() - t0;
		kv("upload.seq.files", a1.size());
		kv("upload.seq.bytes", bytesA);
		kv("upload.seq.total_ms", ms(seq));
		kv("upload.seq.mbps", bytesA / MB / (seq / 1e9));
		kv("upload.seq.first_ms", ms(each[0]));
		kv("upload.seq.p50_ms", ms(pct(each, 0.50)));
		kv("upload.seq.max_ms", ms(Arrays.stream(each).max().orElse(0)));
		kv("upload.seq.min_ms", ms(Arrays.stream(each).min().orElse(0)));
		a1 = null;

		// all photos of set B in one request, one material; if the server refuses, again with 49 files (see below)
		List<byte[]> b = new ArrayList<>();
		for (Path p : setB) {
			b.add(Files.readAllBytes(p));
		}
		if (!oneRequest("upload.one", api, unitId, setB, b) && setB.size() > 49) {
			// Tomcat counts parts, not files: Spring Boot's server.tomcat.max-part-count defaults to 50, and the
			// meta part is one of them, so at most 49 files fit into one request whatever their size.
			oneRequest("upload.one49", api, unitId, setB.subList(0, 49), b.subList(0, 49));
		}
	}

	static boolean oneRequest(String label, Api api, long unitId, List<Path> names, List<byte[]> contents) throws Exception {
		Multipart one = new Multipart();
		one.json("meta", meta(unitId, "图片", "压测照片合集 " + names.size(), "2010-05-01", List.of("Ⅲ-116")));
		long bytes = 0;
		for (int i = 0; i < names.size(); i++) {
			bytes += contents.get(i).length;
			one.file("file", names.get(i).getFileName().toString(), "image/jpeg", contents.get(i));
		}
		kv(label + ".files", names.size());
		kv(label + ".bytes", bytes);
		kv(label + ".request_bytes", one.length());
		long s = System.nanoTime();
		HttpResponse<String> r = api.post("/api/v1/materials", one);
		long took = System.nanoTime() - s;
		kv(label + ".status", r.statusCode());
		kv(label + ".ms", ms(took));
		if (r.statusCode() != 201) {
			kv(label + ".error", r.body().replaceAll("\\s+", " "));
			return false;
		}
		Map<?, ?> m = (Map<?, ?>) Json.parse(r.body());
		List<?> stored = (List<?>) m.get("files");
		kv(label + ".stored_files", stored.size());
		if (stored.size() != names.size()) {
			throw new IllegalStateException("stored " + stored.size() + " of " + names.size() + " files");
		}
		kv(label + ".total_ms", ms(took));
		kv(label + ".mbps", bytes / MB / (took / 1e9));
		return true;
	}

	static String meta(long unitId, String kind, String title, String date, List<String> codes) {
		return "{\"orgUnitId\":" + unitId + ",\"kind\":" + Json.quote(kind) + ",\"title\":" + Json.quote(title) + ",\"dateFormed\":\""
				+ date + "\",\"indicatorCodes\":[" + codes.stream().map(Json::quote).collect(Collectors.joining(",")) + "]}";
	}

	static String sha256(byte[] b) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
	}

	// ---------------------------------------------------------------------------------------------------------
	// 3. Seeding a street of communities, then readiness latency
	// ---------------------------------------------------------------------------------------------------------

	record Pair(String code, String kind) {}

	record Task(int community, int index) {}

	static void seed(String[] a) throws Exception {
		String base = a[0];
		Api api = new Api(base, a[1], a[2]);
		String districtName = a[3];
		int communities = Integer.parseInt(a[4]);
		int per = Integer.parseInt(a[5]);
		int parallel = Integer.parseInt(a[6]);
		String via = a[7];

		long district = -1;
		for (Object o : (List<?>) api.getJson("/api/v1/org-units")) {
			Map<?, ?> u = (Map<?, ?>) o;
			if (districtName.equals(u.get("name")) && "DISTRICT".equals(u.get("kind"))) {
				district = ((Number) u.get("id")).longValue();
			}
		}
		if (district < 0) {
			throw new IllegalStateException("no district named " + districtName);
		}
		long t0 = System.nanoTime();
		String stamp = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now());
		long street = api.create(district, "STREET", "压测街道" + stamp);
		long[] ids = new long[communities];
		String[] names = new String[communities];
		for (int c = 0; c < communities; c++) {
			names[c] = String.format("压测社区%02d", c + 1);
			ids[c] = api.create(street, "COMMUNITY", names[c]);
		}
		kv("seed.street_id", street);
		kv("seed.units_ms", ms(System.nanoTime() - t0));

		// The catalog: every (indicator, required kind) pair; each community covers a different share of them
		List<Pair> pairs = new ArrayList<>();
		Map<String, List<String>> codesByKind = new TreeMap<>();
		for (Object o : (List<?>) api.getJson("/api/v1/indicators")) {
			Map<?, ?> ind = (Map<?, ?>) o;
			String code = (String) ind.get("code");
			for (Object k : (List<?>) ind.get("evidenceKinds")) {
				pairs.add(new Pair(code, (String) k));
				codesByKind.computeIfAbsent((String) k, x -> new ArrayList<>()).add(code);
			}
		}
		List<List<Pair>> plan = new ArrayList<>();
		for (int c = 0; c < communities; c++) {
			double coverage = communities == 1 ? 1.0 : 0.55 + 0.45 * c / (communities - 1);
			SplittableRandom r = new SplittableRandom(4242L + c);
			List<Pair> chosen = new ArrayList<>();
			for (Pair p : pairs) {
				if (r.nextDouble() < coverage) {
					chosen.add(p);
				}
			}
			if (chosen.isEmpty()) {
				chosen.add(pairs.get(0));
			}
			plan.add(chosen);
		}
		kv("seed.pairs", pairs.size());

		// 三权分立: the system administrator writes no business data; the street's own office files the materials
		String[] writer = api.writerAt(street, "bench-seed-" + stamp);
		Client client = via.equals("form") ? new Session(base, writer[0], writer[1]) : new Api(base, writer[0], writer[1]);
		String csrf = client instanceof Session session ? session.csrf("/materials/new") : null;
		byte[] jpegBase = noiseJpeg(64, 48, 0.8f, new SplittableRandom(7));

		// Interleave communities so that parallel requests rarely hit the same community (its row is locked per filing)
		List<Task> tasks = new ArrayList<>();
		for (int i = 0; i < per; i++) {
			for (int c = 0; c < communities; c++) {
				tasks.add(new Task(c, i));
			}
		}
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicLong bytes = new AtomicLong();
		AtomicInteger done = new AtomicInteger();
		Map<String, AtomicInteger> byType = new TreeMap<>();
		for (String t : List.of("pdf", "jpg", "docx", "xlsx")) {
			byType.put(t, new AtomicInteger());
		}
		List<String> firstErrors = new ArrayList<>();
		long[] latencies = new long[tasks.size()];
		long s0 = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(parallel);
		List<Future<?>> workers = new ArrayList<>();
		for (int w = 0; w < parallel; w++) {
			workers.add(pool.submit(() -> {
				for (int k; (k = next.getAndIncrement()) < tasks.size(); ) {
					if (errors.get() > 20) {
						return null;
					}
					Task t = tasks.get(k);
					SplittableRandom r = new SplittableRandom(t.community() * 1_000_003L + t.index());
					List<Pair> chosen = plan.get(t.community());
					Pair pair = chosen.get(r.nextInt(chosen.size()));
					List<String> codes = new ArrayList<>(List.of(pair.code()));
					if (r.nextInt(4) == 0) {
						List<String> others = codesByKind.get(pair.kind());
						String extra = others.get(r.nextInt(others.size()));
						if (!codes.contains(extra)) {
							codes.add(extra);
						}
					}
					int roll = r.nextInt(10);
					int year = roll < 4 ? 2009 : roll < 8 ? 2010 : 2011;
					LocalDate date = LocalDate.of(year, 1, 1).plusDays(r.nextInt(365));
					String title = names[t.community()] + " " + pair.kind() + " 第" + (t.index() + 1) + "份";
					String tag = "bench " + street + "/" + t.community() + "/" + t.index();
					String type = fileType(pair.kind(), t.index());
					byte[] file = switch (type) {
						case "jpg" -> jpegWithComment(jpegBase, tag);
						case "docx" -> Office.docx(title, tag);
						case "xlsx" -> Office.xlsx(title, tag);
						default -> Office.pdf(title, tag);
					};
					String fileName = "m" + t.community() + "-" + t.index() + "." + type;
					Multipart body = new Multipart();
					int expected;
					String path;
					if (csrf == null) {
						body.json("meta", "{\"orgUnitId\":" + ids[t.community()] + ",\"kind\":" + Json.quote(pair.kind()) + ",\"title\":"
								+ Json.quote(title) + ",\"dateFormed\":\"" + date + "\",\"responsibleParty\":" + Json.quote(names[t.community()])
								+ ",\"indicatorCodes\":[" + codes.stream().map(Json::quote).collect(Collectors.joining(",")) + "]}");
						expected = 201;
						path = "/api/v1/materials";
					} else {
						body.field("orgUnitId", Long.toString(ids[t.community()]));
						body.field("kind", pair.kind());
						body.field("title", title);
						body.field("dateFormed", date.toString());
						body.field("responsibleParty", names[t.community()]);
						for (String code : codes) {
							body.field("indicatorCodes", code);
						}
						expected = 302;
						path = "/materials";
					}
					body.file("file", fileName, Office.contentType(type), file);
					long q0 = System.nanoTime();
					HttpResponse<String> resp;
					try {
						resp = client.post(path, body, csrf);
					} catch (Exception e) {
						synchronized (firstErrors) {
							if (firstErrors.size() < 5) {
								firstErrors.add(e.toString());
							}
						}
						errors.incrementAndGet();
						continue;
					}
					latencies[k] = System.nanoTime() - q0;
					String location = resp.headers().firstValue("Location").orElse("");
					if (resp.statusCode() != expected || location.contains("/login")) {
						synchronized (firstErrors) {
							if (firstErrors.size() < 5) {
								firstErrors.add(resp.statusCode() + " " + location + " " + resp.body().substring(0, Math.min(300, resp.body().length())));
							}
						}
						errors.incrementAndGet();
						continue;
					}
					bytes.addAndGet(file.length);
					byType.get(type).incrementAndGet();
					int n = done.incrementAndGet();
					if (n % 1000 == 0) {
						System.out.printf(Locale.ROOT, "  seeded %d/%d materials (%.0f/s)%n", n, tasks.size(), n / ((System.nanoTime() - s0) / 1e9));
					}
				}
				return null;
			}));
		}
		for (Future<?> w : workers) {
			w.get();
		}
		pool.shutdown();
		long seedTime = System.nanoTime() - s0;
		firstErrors.forEach(e -> System.out.println("  error: " + e));
		kv("seed.via", via);
		kv("seed.parallel", parallel);
		kv("seed.communities", communities);
		kv("seed.materials", done.get());
		kv("seed.errors", errors.get());
		kv("seed.bytes", bytes.get());
		kv("seed.types", byType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
		kv("seed.ms", ms(seedTime));
		kv("seed.per_s", done.get() / (seedTime / 1e9));
		long[] ok = Arrays.stream(latencies).filter(v -> v > 0).toArray();
		kv("seed.req_p50_ms", ms(pct(ok, 0.50)));
		kv("seed.req_p95_ms", ms(pct(ok, 0.95)));
		Map<?, ?> page = (Map<?, ?>) api.getJson("/api/v1/materials?orgUnitId=" + street + "&size=1");
		kv("seed.verified_total", ((Number) page.get("total")).longValue());
		if (errors.get() > 0) {
			System.err.println("seeding had " + errors.get() + " errors");
			System.exit(1);
		}
	}

	static String fileType(String kind, int index) {
		if (kind.equals("图片")) {
			return "jpg";
		}
		if (kind.endsWith("统计表")) {
			return "xlsx";
		}
		if (List.of("方案", "街道下发的方案", "总结", "制度", "规划", "章程", "领导讲话", "经验材料", "典型材料").contains(kind)) {
			return index % 2 == 0 ? "docx" : "pdf";
		}
		return "pdf";
	}

	/** A small real JPEG made distinct by a COM segment right after SOI. */
	static byte[] jpegWithComment(byte[] jpeg, String comment) {
		byte[] text = comment.getBytes(StandardCharsets.UTF_8);
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + text.length);
		out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xFE).putShort((short) (text.length + 2)).put(text);
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	static void latency(String[] a) throws Exception {
		String base = a[0];
		Api api = new Api(base, a[1], a[2]);
		long unit = Long.parseLong(a[3]);
		int communities = Integer.parseInt(a[4]);
		int warmup = Integer.parseInt(a[5]);
		int n = Integer.parseInt(a[6]);
		Path sessionFile = Path.of(a[7]);

		String apiPath = "/api/v1/readiness?orgUnitId=" + unit;
		HttpResponse<String> first = api.get(apiPath);
		api.expect(first, 200);
		Map<?, ?> body = (Map<?, ?>) Json.parse(first.body());
		int seen = ((List<?>) body.get("communities")).size();
		kv("readiness.completeness", body.get("completeness"));
		kv("readiness.communities", seen);
		kv("readiness.api_bytes", first.body().getBytes(StandardCharsets.UTF_8).length);
		if (seen != communities) {
			throw new IllegalStateException("readiness lists " + seen + " communities, expected " + communities);
		}
		measure("readiness.api", warmup, n, () -> api.expect(api.get(apiPath), 200));
		measure("readiness.me", Math.min(warmup, 5), Math.max(20, n / 4), () -> api.expect(api.get("/api/v1/me"), 200));

		Session session = new Session(base, a[1], a[2]);
		String pagePath = "/readiness?unit=" + unit;
		HttpResponse<String> page = session.get(pagePath);
		if (page.statusCode() != 200 || !page.body().contains("data-testid=\"ranking\"")) {
			throw new IllegalStateException("the dashboard did not render: " + page.statusCode() + " " + page.headers().firstValue("Location").orElse(""));
		}
		kv("readiness.page_bytes", page.body().getBytes(StandardCharsets.UTF_8).length);
		kv("readiness.page_links", Pattern.compile("(href|src)=\"").matcher(page.body()).results().count());
		measure("readiness.page", warmup, n, () -> {
			HttpResponse<String> r = session.get(pagePath);
			if (r.statusCode() != 200) {
				throw new IllegalStateException("page answered " + r.statusCode());
			}
		});
		Files.writeString(sessionFile, session.cookie("JSESSIONID"));
	}

	interface Call {
		void run() throws Exception;
	}

	static void measure(String label, int warmup, int n, Call call) throws Exception {
		for (int i = 0; i < warmup; i++) {
			call.run();
		}
		long[] t = new long[n];
		long t0 = System.nanoTime();
		for (int i = 0; i < n; i++) {
			long s = System.nanoTime();
			call.run();
			t[i] = System.nanoTime() - s;
		}
		long total = System.nanoTime() - t0;
		kv(label + ".n", n);
		kv(label + ".p50_ms", ms(pct(t, 0.50)));
		kv(label + ".p95_ms", ms(pct(t, 0.95)));
		kv(label + ".p99_ms", ms(pct(t, 0.99)));
		kv(label + ".max_ms", ms(Arrays.stream(t).max().orElse(0)));
		kv(label + ".mean_ms", ms(Arrays.stream(t).sum() / n));
		kv(label + ".seq_rps", n / (total / 1e9));
	}

	// ---------------------------------------------------------------------------------------------------------
	// 4. Export of a box and of a whole community (issue 4)
	// ---------------------------------------------------------------------------------------------------------

	static final String EXPORT_BOX = "Ⅲ-116";

	static long unitNamed(Api api, String name, String kind) throws Exception {
		for (Object o : (List<?>) api.getJson("/api/v1/org-units")) {
			Map<?, ?> u = (Map<?, ?>) o;
			if (name.equals(u.get("name")) && kind.equals(u.get("kind"))) {
				return ((Number) u.get("id")).longValue();
			}
		}
		throw new IllegalStateException("no " + kind + " named " + name);
	}

	/** One photo of the export box: distinct random noise with an EXIF time, like the photos of measurement 2. */
	static byte[] exportPhoto(int n, int w, int h, float quality) throws IOException {
		byte[] jpeg = noiseJpeg(w, h, quality, new SplittableRandom(90_001L * 1_000_003L + n));
		return withExifTime(jpeg, LocalDateTime.of(2010, 6, 1, 8, 0).plusMinutes(n));
	}

	/**
	 * A new community under STREET with ≈MB of distinct photos in box Ⅲ-116 (PER photos per material); optionally a
	 * second community whose Ⅲ-116 box holds PDFs of exactly the same sizes (for the cost of the photo pages), and one
	 * small real file per (indicator, kind) of every other box of the photo community (so all boxes have something).
	 */
	static void exportSeed(String[] a) throws Exception {
		Api api = new Api(a[0], a[1], a[2]);
		long street = unitNamed(api, a[3], "STREET");
		double mb = Double.parseDouble(a[4]);
		int per = Integer.parseInt(a[5]);
		int w = Integer.parseInt(a[6]);
		int h = Integer.parseInt(a[7]);
		float quality = Float.parseFloat(a[8]);
		boolean pdf = a[9].equals("1");
		boolean extras = a[10].equals("1");
		String stamp = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now());

		Map<String, List<String>> kinds = new LinkedHashMap<>();
		for (Object o : (List<?>) api.getJson("/api/v1/indicators")) {
			Map<?, ?> ind = (Map<?, ?>) o;
			kinds.put((String) ind.get("code"), ((List<?>) ind.get("evidenceKinds")).stream().map(String::valueOf).toList());
		}
		if (!kinds.containsKey(EXPORT_BOX)) {
			throw new IllegalStateException("the catalog has no indicator " + EXPORT_BOX);
		}
		kv("export.catalog_boxes", kinds.size());

		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		long photoUnit = api.create(street, "COMMUNITY", "导出压测社区" + stamp);
		// 三权分立: the system administrator writes no business data; an office of the street files the photos
		String[] office = api.writerAt(street, "bench-export-" + stamp);
		Api writer = new Api(a[0], office[0], office[1]);
		kv("export.photo_unit", photoUnit);
		byte[] first = exportPhoto(0, w, h, quality);
		int count = (int) Math.max(1, Math.round(mb * MB / first.length));
		List<Integer> sizes = new ArrayList<>();
		long bytes = 0;
		long gen = 0;
		long up = 0;
		int materials = 0;
		for (int from = 0; from < count; from += per) {
			int to = Math.min(count, from + per);
			long g0 = System.nanoTime();
			List<Future<byte[]>> batch = new ArrayList<>();
			for (int i = from; i < to; i++) {
				int n = i;
				batch.add(n == 0 ? java.util.concurrent.CompletableFuture.completedFuture(first) : pool.submit(() -> exportPhoto(n, w, h, quality)));
			}
			Multipart body = new Multipart();
			body.json("meta", meta(photoUnit, "图片", "导出压测照片 第" + (from / per + 1) + "组", "2010-06-01", List.of(EXPORT_BOX)));
			for (int i = from; i < to; i++) {
				byte[] b = batch.get(i - from).get();
				body.file("file", String.format("photo-%04d.jpg", i + 1), "image/jpeg", b);
				sizes.add(b.length);
				bytes += b.length;
			}
			gen += System.nanoTime() - g0;
			long u0 = System.nanoTime();
			HttpResponse<String> r = writer.post("/api/v1/materials", body);
			up += System.nanoTime() - u0;
			api.expect(r, 201);
			materials++;
			if (materials % 10 == 0) {
				System.out.printf(Locale.ROOT, "  filed %d/%d photos (%.0f MB)%n", to, count, bytes / MB);
			}
		}
		kv("export.photos", count);
		kv("export.photo_materials", materials);
		kv("export.photo_bytes", bytes);
		kv("export.photo_gen_ms", ms(gen));
		kv("export.photo_upload_ms", ms(up));
		kv("export.photo_upload_mbps", bytes / MB / (up / 1e9));

		if (pdf) {
			String kind = kinds.get(EXPORT_BOX).stream().filter(k -> !k.equals("图片")).findFirst()
					.orElseGet(() -> kinds.values().stream().flatMap(List::stream).filter(k -> !k.equals("图片")).findFirst().orElseThrow());
			long pdfUnit = api.create(street, "COMMUNITY", "导出对照社区" + stamp);
			kv("export.pdf_unit", pdfUnit);
			kv("export.pdf_kind", kind);
			long pdfBytes = 0;
			long pu = 0;
			for (int from = 0; from < sizes.size(); from += per) {
				int to = Math.min(sizes.size(), from + per);
				Multipart body = new Multipart();
				body.json("meta", meta(pdfUnit, kind, "导出对照文件 第" + (from / per + 1) + "组", "2010-06-01", List.of(EXPORT_BOX)));
				for (int i = from; i < to; i++) {
					byte[] b = Office.pdfWithPayload("导出对照文件 " + (i + 1), "export pdf " + pdfUnit + "/" + i, sizes.get(i),
							new SplittableRandom(77_001L * 1_000_003L + i));
					body.file("file", String.format("document-%04d.pdf", i + 1), "application/pdf", b);
					pdfBytes += b.length;
				}
				long u0 = System.nanoTime();
				HttpResponse<String> r = writer.post("/api/v1/materials", body);
				pu += System.nanoTime() - u0;
				api.expect(r, 201);
			}
			kv("export.pdf_files", sizes.size());
			kv("export.pdf_bytes", pdfBytes);
			kv("export.pdf_upload_ms", ms(pu));
		}

		if (extras) {
			byte[] jpegBase = noiseJpeg(64, 48, 0.8f, new SplittableRandom(7));
			int n = 0;
			long extraBytes = 0;
			for (Map.Entry<String, List<String>> e : kinds.entrySet()) {
				if (e.getKey().equals(EXPORT_BOX)) {
					continue; // the measured box holds the photos only
				}
				for (String kind : e.getValue()) {
					String type = fileType(kind, n);
					String title = "导出压测 " + e.getKey() + " " + kind;
					String tag = "export " + photoUnit + "/" + n;
					byte[] file = switch (type) {
						case "jpg" -> jpegWithComment(jpegBase, tag);
						case "docx" -> Office.docx(title, tag);
						case "xlsx" -> Office.xlsx(title, tag);
						default -> Office.pdf(title, tag);
					};
					Multipart body = new Multipart();
					body.json("meta", meta(photoUnit, kind, title, "2010-0" + (1 + n % 9) + "-15", List.of(e.getKey())));
					body.file("file", "extra-" + n + "." + type, Office.contentType(type), file);
					api.expect(writer.post("/api/v1/materials", body), 201);
					extraBytes += file.length;
					n++;
				}
			}
			kv("export.extra_materials", n);
			kv("export.extra_bytes", extraBytes);
		}
		pool.shutdown();
	}

	/**
	 * The stored blobs of a unit's materials (of one indicator, or all with "-"), from the material list API:
	 * writes their absolute paths under the store (root/ab/cd/sha256) to OUT_LIST, one per line, and checks sizes.
	 */
	static void blobs(String[] a) throws Exception {
		Api api = new Api(a[0], a[1], a[2]);
		long unit = Long.parseLong(a[3]);
		String code = a[4].equals("-") ? null : a[4];
		Path root = Path.of(a[5]).toAbsolutePath();
		Path out = Path.of(a[6]);
		String label = a[7];
		Map<String, Long> distinct = new LinkedHashMap<>();
		long files = 0;
		long bytes = 0;
		int materials = 0;
		for (int page = 0; ; page++) {
			Map<?, ?> p = (Map<?, ?>) api.getJson("/api/v1/materials?orgUnitId=" + unit
					+ (code == null ? "" : "&indicatorCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8)) + "&size=200&page=" + page);
			List<?> items = (List<?>) p.get("items");
			for (Object o : items) {
				materials++;
				for (Object fo : (List<?>) ((Map<?, ?>) o).get("files")) {
					Map<?, ?> f = (Map<?, ?>) fo;
					long size = ((Number) f.get("size")).longValue();
					files++;
					bytes += size;
					distinct.put((String) f.get("sha256"), size);
				}
			}
			long total = ((Number) p.get("total")).longValue();
			if (items.isEmpty() || materials >= total) {
				break;
			}
		}
		List<String> lines = new ArrayList<>();
		long distinctBytes = 0;
		for (Map.Entry<String, Long> e : distinct.entrySet()) {
			String sha = e.getKey();
			Path blob = root.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
			if (!Files.isRegularFile(blob) || Files.size(blob) != e.getValue()) {
				throw new IllegalStateException("blob " + blob + " missing or of another size than the API says (" + e.getValue() + ")");
			}
			lines.add(blob.toString());
			distinctBytes += e.getValue();
		}
		Files.write(out, lines, StandardCharsets.UTF_8);
		kv(label + ".materials", materials);
		kv(label + ".files", files);
		kv(label + ".bytes", bytes);
		kv(label + ".distinct_blobs", distinct.size());
		kv(label + ".distinct_bytes", distinctBytes);
	}

	/**
	 * Asks for an export (box codes, comma-separated, or "all"), polls it every 200 ms until DONE while jstat samples
	 * the app's heap every 200 ms, then downloads the ZIP (to OUT_DIR/LABEL.zip), fetches it again as two Range
	 * halves and compares the bytes, and takes the ZIP apart (generated documents, originals, timestamps).
	 */
	static void export(String[] a) throws Exception {
		Api api = new Api(a[0], a[1], a[2]);
		long unit = Long.parseLong(a[3]);
		List<String> codes = a[4].equals("all") ? List.of() : List.of(a[4].split(","));
		String label = a[5];
		long pid = Long.parseLong(a[6]);
		Path appLog = Path.of(a[7]);
		Path outDir = Files.createDirectories(Path.of(a[8]));
		Path serverDir = Path.of(a[9]);
		String perPage = System.getenv().getOrDefault("BENCH_EXPORT_PER_PAGE", "").strip();
		long timeout = Long.parseLong(System.getenv().getOrDefault("BENCH_EXPORT_TIMEOUT", "1800"));

		Path jstatOut = outDir.resolve(label + ".jstat");
		Process jstat = new ProcessBuilder("jstat", "-gc", Long.toString(pid), "200").redirectErrorStream(true)
				.redirectOutput(jstatOut.toFile()).start();
		Thread.sleep(600); // a few samples before the request
		kv(label + ".vmhwm_before_mb", procKb(pid, "VmHWM") / 1024);
		long logFrom = Files.size(appLog);
		String json = "{\"orgUnitId\":" + unit + ",\"indicatorCodes\":[" + codes.stream().map(Json::quote).collect(Collectors.joining(","))
				+ "]" + (perPage.isEmpty() ? "" : ",\"photosPerPage\":" + perPage) + "}";
		long t0 = System.nanoTime();
		HttpResponse<String> created = api.http.send(HttpRequest.newBuilder(URI.create(api.base + "/api/v1/exports"))
				.header("Authorization", api.auth).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		api.expect(created, 202);
		long id = ((Number) ((Map<?, ?>) Json.parse(created.body())).get("id")).longValue();
		String state;
		Map<?, ?> job;
		long running = -1;
		long finished = -1;
		int lastDecile = -1;
		List<String> timeline = new ArrayList<>();
		List<long[]> growth = new ArrayList<>(); // {nanos since the request, size of the ZIP being written}
		Path part = serverDir.resolve("export-" + id + ".zip.part");
		long deadline = t0 + timeout * 1_000_000_000L;
		for (int poll = 0; ; poll++) {
			job = (Map<?, ?>) api.getJson("/api/v1/exports/" + id);
			state = (String) job.get("state");
			long now = System.nanoTime();
			try {
				growth.add(new long[] {now - t0, Files.size(part)});
			} catch (IOException notThere) {
				// not yet created, or already renamed to .zip
			}
			if (running < 0 && !state.equals("QUEUED")) {
				running = now - t0;
			}
			int progress = ((Number) job.get("progress")).intValue();
			if (progress / 10 != lastDecile) {
				lastDecile = progress / 10;
				timeline.add(progress + "% @" + String.format(Locale.ROOT, "%.1f", (now - t0) / 1e9) + "s");
			}
			if (state.equals("DONE") || state.equals("FAILED")) {
				finished = now - t0;
				break;
			}
			if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				state = "app JVM exited while " + state;
				break;
			}
			if (poll % 10 == 0 && logContains(appLog, logFrom, "OutOfMemoryError")) {
				state = "OutOfMemoryError in the app log (job left " + state + " at " + progress + "%)";
				break;
			}
			if (now > deadline) {
				state = "timeout after " + timeout + " s (" + state + " at " + progress + "%)";
				break;
			}
			Thread.sleep(200);
		}
		jstat.destroy();
		jstat.waitFor();
		kv(label + ".vmhwm_after_mb", procKb(pid, "VmHWM") / 1024);
		kv(label + ".export_id", id);
		kv(label + ".codes", codes.isEmpty() ? "all" : String.join(",", codes));
		kv(label + ".state", state);
		heapFromJstat(label, jstatOut);
		kv(label + ".progress_timeline", String.join(", ", timeline));
		if (!state.equals("DONE")) {
			kv(label + ".error", String.valueOf(job.get("error")));
			System.err.println("export " + label + " did not finish: " + state);
			return;
		}
		long fileSize = ((Number) job.get("fileSize")).longValue();
		kv(label + ".wall_ms", ms(finished));
		kv(label + ".started_after_ms", ms(running));
		kv(label + ".file_size", fileSize);
		kv(label + ".entries", job.get("entries"));
		kv(label + ".file_name", job.get("fileName"));

		// download once, whole
		String url = (String) job.get("downloadUrl");
		Path zip = outDir.resolve(label + ".zip");
		long d0 = System.nanoTime();
		HttpResponse<Path> dl = api.http.send(HttpRequest.newBuilder(URI.create(api.base + url)).header("Authorization", api.auth)
				.timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofFile(zip));
		long dlTime = System.nanoTime() - d0;
		if (dl.statusCode() != 200 || Files.size(zip) != fileSize) {
			throw new IllegalStateException("download answered " + dl.statusCode() + " with " + Files.size(zip) + " bytes, expected " + fileSize);
		}
		kv(label + ".download_ms", ms(dlTime));
		kv(label + ".download_mbps", fileSize / MB / (dlTime / 1e9));
		Path serverFile = serverDir.resolve("export-" + id + ".zip");
		kv(label + ".download_vs_server_file", Files.exists(serverFile)
				? (Files.mismatch(zip, serverFile) == -1 ? "identical" : "DIFFERENT at byte " + Files.mismatch(zip, serverFile))
				: "server file not found at " + serverFile);

		// again as two Range halves, compared byte for byte with the whole download
		long half = fileSize / 2;
		String first = rangeCheck(api, url, "bytes=0-" + (half - 1), 0, half - 1, fileSize, zip);
		String second = rangeCheck(api, url, "bytes=" + half + "-", half, fileSize - 1, fileSize, zip);
		kv(label + ".range", first + "; " + second);

		// what is in it
		Pattern generated = Pattern.compile("\\d{2} (封面与盒脊|归档文件目录|照片页-\\d+)\\.(docx|xlsx)");
		long genBytes = 0;
		long photoPageBytes = 0;
		int photoPageDocs = 0;
		int genDocs = 0;
		long origBytes = 0;
		long origCompressed = 0;
		int origs = 0;
		long manifestBytes = 0;
		long compressedSum = 0;
		long firstOriginalOffset = -1; // where the first original's local header starts (entries are in write order)
		long offset = 0;
		java.util.Set<String> boxes = new java.util.TreeSet<>();
		java.util.Set<String> methods = new java.util.TreeSet<>();
		try (java.util.zip.ZipFile zf = new java.util.zip.ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
			for (var en = zf.entries(); en.hasMoreElements(); ) {
				ZipEntry e = en.nextElement();
				String name = e.getName();
				String[] parts = name.split("/");
				compressedSum += e.getCompressedSize();
				long local = 30 + name.getBytes(StandardCharsets.UTF_8).length + (e.getExtra() == null ? 0 : e.getExtra().length);
				long descriptor = e.getMethod() == ZipEntry.DEFLATED ? 16 : 0;
				if (name.equals("manifest.sha256")) {
					manifestBytes = e.getSize();
					continue;
				}
				if (parts.length > 1) {
					boxes.add(parts[1]);
				}
				if (parts.length == 3 && generated.matcher(parts[2]).matches()) {
					genDocs++;
					genBytes += e.getSize();
					if (parts[2].contains("照片页")) {
						photoPageDocs++;
						photoPageBytes += e.getSize();
					}
				} else {
					origs++;
					origBytes += e.getSize();
					origCompressed += e.getCompressedSize();
					methods.add(e.getMethod() == ZipEntry.STORED ? "STORED"
							: e.getCompressedSize() > e.getSize() ? "DEFLATED at level 0 (stored blocks inside deflate)" : "DEFLATED");
					if (firstOriginalOffset < 0) {
						firstOriginalOffset = offset;
					}
				}
				offset += local + e.getCompressedSize() + descriptor;
			}
		}
		kv(label + ".zip_boxes", boxes.size());
		kv(label + ".zip_generated_docs", genDocs);
		kv(label + ".zip_generated_bytes", genBytes);
		kv(label + ".zip_photo_page_docs", photoPageDocs);
		kv(label + ".zip_photo_page_bytes", photoPageBytes);
		kv(label + ".zip_originals", origs);
		kv(label + ".zip_original_bytes", origBytes);
		kv(label + ".zip_original_compressed_bytes", origCompressed);
		kv(label + ".zip_original_methods", String.join(", ", methods));
		kv(label + ".zip_manifest_bytes", manifestBytes);
		kv(label + ".zip_structure_bytes", fileSize - compressedSum);
		// One box: its documents (cover, catalogues, photo pages) are written first, then the originals. The documents
		// are done when the growing ZIP (sampled at each poll) reaches the first original's offset, less the 256 KB
		// output buffer of the writer.
		if (firstOriginalOffset >= 0 && boxes.size() == 1) {
			long docsDone = -1;
			for (long[] g : growth) {
				if (g[1] >= firstOriginalOffset - 256 * 1024) {
					docsDone = g[0];
					break;
				}
			}
			kv(label + ".growth_samples", growth.size());
			if (docsDone >= 0) {
				kv(label + ".documents_phase_ms", ms(docsDone));
				kv(label + ".originals_phase_ms", ms(finished - docsDone));
				kv(label + ".originals_mbps", origBytes / MB / ((finished - docsDone) / 1e9));
			}
		}
	}

	static String rangeCheck(Api api, String url, String range, long from, long to, long size, Path whole) throws Exception {
		HttpResponse<java.io.InputStream> r = api.http.send(HttpRequest.newBuilder(URI.create(api.base + url)).header("Authorization", api.auth)
				.header("Range", range).timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofInputStream());
		String contentRange = r.headers().firstValue("Content-Range").orElse("none");
		long compared = 0;
		long mismatch = -1;
		try (java.io.InputStream in = r.body(); FileChannel ch = FileChannel.open(whole)) {
			byte[] got = new byte[1 << 20];
			ByteBuffer want = ByteBuffer.allocate(1 << 20);
			for (int n; (n = in.readNBytes(got, 0, got.length)) > 0; ) {
				want.clear().limit(n);
				while (want.hasRemaining() && ch.read(want, from + compared + want.position()) > 0) {
					// positional reads until the buffer is full
				}
				for (int i = 0; i < n; i++) {
					if (mismatch < 0 && (i >= want.position() || got[i] != want.get(i))) {
						mismatch = from + compared + i;
					}
				}
				compared += n;
			}
		}
		boolean ok = r.statusCode() == 206 && contentRange.equals("bytes " + from + "-" + to + "/" + size) && compared == to - from + 1 && mismatch < 0;
		if (!ok) {
			System.err.println("range " + range + ": status " + r.statusCode() + ", Content-Range " + contentRange + ", " + compared + " bytes, mismatch at " + mismatch);
		}
		return (ok ? "OK " : "FAILED ") + r.statusCode() + " " + contentRange + " (" + compared + " bytes" + (mismatch >= 0 ? ", differs at " + mismatch : ", identical") + ")";
	}

	static void heapFromJstat(String label, Path file) throws IOException {
		String[] head = null;
		double peakUsed = 0;
		double capacityAtPeak = 0;
		double peakOld = 0;
		double[] firstGc = null;
		double[] lastGc = null;
		int samples = 0;
		for (String line : Files.readAllLines(file)) {
			String[] f = line.trim().split("\\s+");
			if (f.length > 0 && f[0].equals("S0C")) {
				head = f;
				continue;
			}
			if (head == null || f.length != head.length) {
				continue;
			}
			Map<String, Double> m = new LinkedHashMap<>();
			for (int i = 0; i < f.length; i++) {
				try {
					m.put(head[i], Double.parseDouble(f[i]));
				} catch (NumberFormatException dash) {
					m.put(head[i], 0.0);
				}
			}
			samples++;
			double used = m.get("S0U") + m.get("S1U") + m.get("EU") + m.get("OU");
			if (used > peakUsed) {
				peakUsed = used;
				capacityAtPeak = m.get("S0C") + m.get("S1C") + m.get("EC") + m.get("OC");
			}
			peakOld = Math.max(peakOld, m.get("OU"));
			double[] gc = {m.getOrDefault("YGC", 0.0), m.getOrDefault("FGC", 0.0), m.getOrDefault("CGC", 0.0)};
			if (firstGc == null) {
				firstGc = gc;
			}
			lastGc = gc;
		}
		kv(label + ".heap_samples", samples);
		if (samples > 0) {
			kv(label + ".heap_peak_used_mb", peakUsed / 1024);
			kv(label + ".heap_committed_at_peak_mb", capacityAtPeak / 1024);
			kv(label + ".heap_peak_old_mb", peakOld / 1024);
			kv(label + ".gcs_during", String.format(Locale.ROOT, "%.0f young, %.0f full, %.0f concurrent cycles", lastGc[0] - firstGc[0],
					lastGc[1] - firstGc[1], lastGc[2] - firstGc[2]));
		}
	}

	static long procKb(long pid, String key) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith(key + ":")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		} catch (IOException | RuntimeException gone) {
			// the process is gone
		}
		return -1;
	}

	static boolean logContains(Path log, long from, String needle) throws IOException {
		try (FileChannel ch = FileChannel.open(log)) {
			long size = ch.size();
			if (size <= from) {
				return false;
			}
			ByteBuffer b = ByteBuffer.allocate((int) Math.min(size - from, 64 << 20));
			ch.read(b, from);
			return new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1).contains(needle);
		}
	}

	/** The max heap used after a collection, from a -Xlog:gc file ("… 123M->45M(256M) …"), and the number of pauses. */
	static void gcLog(String[] a) throws IOException {
		Path file = Path.of(a[0]);
		String label = a[1];
		Pattern p = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
		long maxBefore = 0;
		long maxAfter = 0;
		long maxCommitted = 0;
		int pauses = 0;
		if (!Files.exists(file)) {
			return;
		}
		for (String line : Files.readAllLines(file)) {
			Matcher m = p.matcher(line);
			if (m.find()) {
				pauses++;
				maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
				maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
				maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(3)));
			}
		}
		kv(label + ".gclog_pauses", pauses);
		kv(label + ".gclog_max_before_mb", maxBefore);
		kv(label + ".gclog_max_after_mb", maxAfter);
		kv(label + ".gclog_max_committed_mb", maxCommitted);
	}

	// ---------------------------------------------------------------------------------------------------------
	// 5. Activities (issue 3): one stage upload fills the photo box of every indicator; fields typed per activity
	// ---------------------------------------------------------------------------------------------------------

	static final List<String> ACTIVITY_CODES = List.of("Ⅲ-29", "Ⅲ-25", "Ⅲ-117");
	static final String PHOTO_KIND = "图片";

	/**
	 * RUNS times, interleaved: (a) a fresh community, an activity serving Ⅲ-29, Ⅲ-25 and Ⅲ-117, readiness checked (图片
	 * absent in all three boxes), then PHOTOS distinct photos in one stage request, readiness polled right after the
	 * response until 图片 is present in all three; (b) the same on another fresh community with one request per photo.
	 */
	static void activity(String[] a) throws Exception {
		String base = a[0];
		Api admin = new Api(base, a[1], a[2]);
		Api writer = new Api(base, a[3], a[4]);
		long street = unitNamed(admin, a[5], "STREET");
		int runs = Integer.parseInt(a[6]);
		int photos = Integer.parseInt(a[7]);
		int w = Integer.parseInt(a[8]);
		int h = Integer.parseInt(a[9]);
		float quality = Float.parseFloat(a[10]);
		boolean warmup = !"0".equals(System.getenv().getOrDefault("BENCH_ACTIVITY_WARMUP", "1"));
		String stamp = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now());
		kv("activity.writer", a[3]);
		kv("activity.street", a[5] + " (id " + street + ")");

		// the catalog must ask for 图片 in all three boxes, or readiness could never show it
		List<String> required = new ArrayList<>();
		for (Object o : (List<?>) writer.getJson("/api/v1/indicators")) {
			Map<?, ?> ind = (Map<?, ?>) o;
			if (ACTIVITY_CODES.contains(ind.get("code"))) {
				required.add(ind.get("code") + (((List<?>) ind.get("evidenceKinds")).contains(PHOTO_KIND) ? " needs 图片" : " does NOT need 图片"));
			}
		}
		kv("activity.catalog", String.join(", ", required));
		if (required.size() != ACTIVITY_CODES.size() || required.stream().anyMatch(s -> s.contains("NOT"))) {
			throw new IllegalStateException("the catalog does not ask for 图片 in " + ACTIVITY_CODES + ": " + required);
		}

		ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
		try {
			if (warmup) {
				// unmeasured: the first stage upload of a JVM pays for class loading and JIT of the whole path
				List<byte[]> few = activityPhotos(pool, 999, 3, w, h, quality);
				long unit = admin.create(street, "COMMUNITY", "活动预热社区" + stamp);
				long id = planActivity(writer, unit, "预热活动");
				writer.expect(writer.post("/api/v1/activities/" + id + "/materials", stageBody("photos", "预热照片", few.subList(0, 2), 0)), 201);
				writer.expect(writer.post("/api/v1/activities/" + id + "/materials", stageBody("photos", "预热照片", few.subList(2, 3), 2)), 201);
				photoPresent(writer, unit);
				kv("activity.warmup", "one activity, 2 photos in one request + 1 in another, not measured");
			}
			{
				// probe: the notice (通知) of an activity planned for next week, filed today without a date, as the page form does
				long unit = admin.create(street, "COMMUNITY", "活动预告社区" + stamp);
				LocalDate nextWeek = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7);
				long id = planActivity(writer, unit, "下周", nextWeek);
				Multipart notice = new Multipart();
				notice.json("meta", "{\"stage\":\"notice\"}");
				notice.file("file", "notice.pdf", "application/pdf", Office.pdf("活动通知", "notice " + id));
				HttpResponse<String> r = writer.post("/api/v1/activities/" + id + "/materials", notice);
				kv("activity.future_stage_probe", "notice of an activity on " + nextWeek + ", filed today without dateFormed: HTTP " + r.statusCode()
						+ (r.statusCode() == 201 ? "" : " " + r.body().replaceAll("\\s+", " ")));
			}
			List<Long> allPolls = new ArrayList<>();
			long[] oneMs = new long[runs];
			long[] oneReady = new long[runs];
			long[] seqMs = new long[runs];
			long[] seqReady = new long[runs];
			double[] oneMbps = new double[runs];
			double[] seqMbps = new double[runs];
			int oneFirstPoll = 0;
			int seqFirstPoll = 0;
			long bytesAll = 0;
			int filesAll = 0;
			for (int r = 1; r <= runs; r++) {
				for (String variant : List.of("one", "seq")) {
					// setup, not timed: photos (distinct across runs and variants), a fresh community, the plan
					List<byte[]> set = activityPhotos(pool, 1000 + r * 10 + (variant.equals("one") ? 1 : 2), photos, w, h, quality);
					long bytes = set.stream().mapToLong(b -> b.length).sum();
					bytesAll += bytes;
					filesAll += set.size();
					String label = "activity." + variant + "." + r;
					long unit = admin.create(street, "COMMUNITY", "活动压测社区" + stamp + "-" + r + variant);
					long id = planActivity(writer, unit, variant.equals("one") ? "一次上传" : "逐张上传");
					Map<String, Boolean> before = photoPresent(writer, unit);
					if (before.values().stream().anyMatch(Boolean::booleanValue) || before.size() != ACTIVITY_CODES.size()) {
						throw new IllegalStateException("图片 already present before the upload: " + before);
					}
					List<Multipart> bodies = new ArrayList<>();
					if (variant.equals("one")) {
						bodies.add(stageBody("photos", "活动照片 " + photos + " 张", set, 0));
					} else {
						for (int i = 0; i < set.size(); i++) {
							bodies.add(stageBody("photos", "活动照片 第" + (i + 1) + "张", set.subList(i, i + 1), i));
						}
					}
					kv(label + ".unit", unit);
					kv(label + ".activity", id);
					kv(label + ".bytes", bytes);
					kv(label + ".busy_before", waitIdle());

					// timed: the request(s), then readiness polled at once (back to back, no sleep) until 图片 is everywhere
					Contention others = Contention.start();
					long[] each = new long[bodies.size()];
					long pollPause = 0;
					long ready = -1;
					int polls = 0;
					long t0 = System.nanoTime();
					for (int i = 0; i < bodies.size(); i++) {
						long s = System.nanoTime();
						HttpResponse<String> resp = writer.post("/api/v1/activities/" + id + "/materials", bodies.get(i));
						each[i] = System.nanoTime() - s;
						writer.expect(resp, 201);
						if (i == 0) {
							long p0 = System.nanoTime();
							while (true) {
								long q0 = System.nanoTime();
								boolean all = photoPresent(writer, unit).values().stream().allMatch(Boolean::booleanValue);
								allPolls.add(System.nanoTime() - q0);
								polls++;
								if (all) {
									ready = System.nanoTime() - t0;
									break;
								}
								if (System.nanoTime() - p0 > Duration.ofSeconds(60).toNanos()) {
									throw new IllegalStateException("图片 not present in all three boxes 60 s after the upload of activity " + id);
								}
							}
							pollPause = System.nanoTime() - p0;
						}
					}
					long total = System.nanoTime() - t0 - (bodies.size() > 1 ? pollPause : 0);
					if (variant.equals("one")) {
						total = each[0];
					}
					kv(label + ".others_running", others.stop());
					kv(label + ".ms", ms(total));
					kv(label + ".mbps", bytes / MB / (total / 1e9));
					kv(label + ".ready_ms", ms(ready));
					kv(label + ".polls", polls);
					if (bodies.size() > 1) {
						kv(label + ".p50_ms", ms(median(each)));
						kv(label + ".max_ms", ms(Arrays.stream(each).max().orElse(0)));
						kv(label + ".first_ms", ms(each[0]));
					}
					int ri = r - 1;
					if (variant.equals("one")) {
						oneMs[ri] = total;
						oneReady[ri] = ready;
						oneMbps[ri] = bytes / MB / (total / 1e9);
						oneFirstPoll += polls == 1 ? 1 : 0;
					} else {
						seqMs[ri] = total;
						seqReady[ri] = ready;
						seqMbps[ri] = bytes / MB / (total / 1e9);
						seqFirstPoll += polls == 1 ? 1 : 0;
					}
					kv(label + ".verified", verifyBoxes(writer, unit, id, set, bodies.size()));
				}
			}
			kv("activity.runs", runs);
			kv("activity.photos", photos);
			kv("activity.photo_mb_avg", bytesAll / MB / filesAll);
			kv("activity.one.median_ms", ms(median(oneMs)));
			kv("activity.one.median_ready_ms", ms(median(oneReady)));
			kv("activity.one.median_mbps", medianOf(oneMbps));
			kv("activity.one.first_poll", oneFirstPoll + " of " + runs);
			kv("activity.seq.median_ms", ms(median(seqMs)));
			kv("activity.seq.median_ready_ms", ms(median(seqReady)));
			kv("activity.seq.median_mbps", medianOf(seqMbps));
			kv("activity.seq.first_poll", seqFirstPoll + " of " + runs);
			long[] p = allPolls.stream().mapToLong(Long::longValue).toArray();
			kv("activity.readiness_get_p50_ms", ms(median(p)));
			kv("activity.readiness_get_max_ms", ms(Arrays.stream(p).max().orElse(0)));
		} finally {
			pool.shutdown();
		}
	}

	static double medianOf(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s[(s.length - 1) / 2];
	}

	static List<byte[]> activityPhotos(ExecutorService pool, long seed, int count, int w, int h, float quality) throws Exception {
		List<Future<byte[]>> jobs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			jobs.add(pool.submit(() -> withExifTime(noiseJpeg(w, h, quality, new SplittableRandom(seed * 1_000_003L + n)),
					LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).atTime(9, 0).plusMinutes(n))));
		}
		List<byte[]> out = new ArrayList<>();
		for (Future<byte[]> job : jobs) {
			out.add(job.get());
		}
		return out;
	}

	/** Plans an activity of category 我们的节日 serving Ⅲ-29, Ⅲ-25 and Ⅲ-117 (explicitly) in a unit; returns its id. */
	static long planActivity(Api writer, long unit, String what) throws Exception {
		return planActivity(writer, unit, what, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1));
	}

	/**
	 * Plans an activity on {@code day}, 09:00–11:00. The bench's activities took place yesterday (Shanghai): a stage
	 * material is dated the activity's day unless a date is given, and the archive refuses dates after today.
	 */
	static long planActivity(Api writer, long unit, String what, LocalDate day) throws Exception {
		String json = "{\"orgUnitId\":" + unit + ",\"title\":" + Json.quote("“我们的节日”邻里包饺子活动(" + what + ")")
				+ ",\"category\":\"我们的节日\",\"indicatorCodes\":[" + ACTIVITY_CODES.stream().map(Json::quote).collect(Collectors.joining(","))
				+ "],\"startsAt\":\"" + day + "T09:00:00\",\"endsAt\":\"" + day + "T11:00:00\",\"place\":\"社区广场\"}";
		HttpResponse<String> r = writer.postJson("/api/v1/activities", json);
		writer.expect(r, 201);
		Map<?, ?> m = (Map<?, ?>) Json.parse(r.body());
		if (!new java.util.HashSet<>((List<?>) m.get("indicatorCodes")).equals(new java.util.HashSet<>(ACTIVITY_CODES))) {
			throw new IllegalStateException("the activity serves " + m.get("indicatorCodes") + ", not " + ACTIVITY_CODES);
		}
		if (m.get("checkInCode") == null || ((List<?>) m.get("stages")).isEmpty()) {
			throw new IllegalStateException("no check-in code or stages in " + r.body());
		}
		return ((Number) m.get("id")).longValue();
	}

	static Multipart stageBody(String stage, String title, List<byte[]> photos, int firstIndex) {
		Multipart body = new Multipart();
		body.json("meta", "{\"stage\":" + Json.quote(stage) + ",\"title\":" + Json.quote(title) + "}");
		for (int i = 0; i < photos.size(); i++) {
			body.file("file", String.format("activity-%03d.jpg", firstIndex + i + 1), "image/jpeg", photos.get(i));
		}
		return body;
	}

	/** Whether readiness lists 图片 among the present kinds of each of the three boxes. */
	static Map<String, Boolean> photoPresent(Api api, long unit) throws Exception {
		Map<String, Boolean> present = new LinkedHashMap<>();
		for (Object o : (List<?>) ((Map<?, ?>) api.getJson("/api/v1/readiness?orgUnitId=" + unit)).get("indicators")) {
			Map<?, ?> ind = (Map<?, ?>) o;
			if (ACTIVITY_CODES.contains(ind.get("code"))) {
				present.put((String) ind.get("code"), ((List<?>) ind.get("presentKinds")).contains(PHOTO_KIND));
			}
		}
		return present;
	}

	/**
	 * After the upload: each of the three boxes lists the stage material(s) with exactly the uploaded bytes (SHA-256), no
	 * other box of the community has 图片, and the activity's photo stage is done.
	 */
	static String verifyBoxes(Api api, long unit, long activity, List<byte[]> set, int materials) throws Exception {
		List<String> expected = new ArrayList<>();
		for (byte[] b : set) {
			expected.add(sha256(b));
		}
		java.util.Collections.sort(expected);
		for (String code : ACTIVITY_CODES) {
			Map<?, ?> page = (Map<?, ?>) api.getJson("/api/v1/materials?orgUnitId=" + unit + "&indicatorCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
					+ "&size=100");
			List<String> got = new ArrayList<>();
			for (Object o : (List<?>) page.get("items")) {
				Map<?, ?> m = (Map<?, ?>) o;
				if (!PHOTO_KIND.equals(m.get("kind"))) {
					throw new IllegalStateException("box " + code + " holds a material of kind " + m.get("kind"));
				}
				for (Object f : (List<?>) m.get("files")) {
					got.add((String) ((Map<?, ?>) f).get("sha256"));
				}
			}
			java.util.Collections.sort(got);
			if (((Number) page.get("total")).intValue() != materials || !got.equals(expected)) {
				throw new IllegalStateException("box " + code + " lists " + page.get("total") + " materials with " + got.size() + " files; expected "
						+ materials + " with the " + set.size() + " uploaded files");
			}
		}
		long others = 0;
		for (Object o : (List<?>) ((Map<?, ?>) api.getJson("/api/v1/readiness?orgUnitId=" + unit)).get("indicators")) {
			Map<?, ?> ind = (Map<?, ?>) o;
			if (!ACTIVITY_CODES.contains(ind.get("code")) && ((List<?>) ind.get("presentKinds")).contains(PHOTO_KIND)) {
				others++;
			}
		}
		if (others > 0) {
			throw new IllegalStateException(others + " other boxes show 图片");
		}
		Map<?, ?> act = (Map<?, ?>) api.getJson("/api/v1/activities/" + activity);
		Map<?, ?> photos = ((List<?>) act.get("stages")).stream().map(s -> (Map<?, ?>) s).filter(s -> "photos".equals(s.get("stage"))).findFirst().orElseThrow();
		if (!Boolean.TRUE.equals(photos.get("done")) || ((List<?>) photos.get("materialIds")).size() != materials) {
			throw new IllegalStateException("the activity's photo stage is " + photos);
		}
		return "each of the 3 boxes lists " + materials + " material(s) of kind 图片 with the " + set.size()
				+ " uploaded files (SHA-256 equal); no other box has 图片; photo stage done";
	}

	/** Before a timed run: wait (up to BENCH_WAIT_IDLE s) for the machine to be < 25 % busy; returns the busy % seen last. */
	static int waitIdle() throws Exception {
		long limit = Long.parseLong(System.getenv().getOrDefault("BENCH_WAIT_IDLE", "0"));
		long waited = 0;
		int busy = cpuBusy();
		while (busy > 25 && waited < limit) {
			Thread.sleep(3000);
			waited += 5;
			busy = cpuBusy();
		}
		return busy;
	}

	static int cpuBusy() throws Exception {
		long[] x = cpuTimes();
		Thread.sleep(2000);
		long[] y = cpuTimes();
		long total = 0;
		for (int i = 0; i < x.length; i++) {
			total += y[i] - x[i];
		}
		long idle = (y[3] - x[3]) + (y[4] - x[4]);
		return total > 0 ? (int) (100 * (total - idle) / total) : 0;
	}

	static long[] cpuTimes() throws IOException {
		String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		long[] v = new long[8];
		for (int i = 0; i < 8; i++) {
			v[i] = Long.parseLong(f[i + 1]);
		}
		return v;
	}

	/** Samples every 250 ms whether another Maven or surefire JVM is running (as run.sh's sampler does, but finer). */
	static final class Contention {

		final AtomicInteger samples = new AtomicInteger();
		final AtomicInteger hits = new AtomicInteger();
		final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
		volatile boolean running = true;
		Thread thread;

		static Contention start() {
			Contention c = new Contention();
			c.thread = new Thread(() -> {
				while (c.running) {
					List<String> found = others();
					c.samples.incrementAndGet();
					if (!found.isEmpty()) {
						c.hits.incrementAndGet();
						c.seen.addAll(found);
					}
					try {
						Thread.sleep(250);
					} catch (InterruptedException e) {
						return;
					}
				}
			});
			c.thread.setDaemon(true);
			c.thread.start();
			return c;
		}

		String stop() throws InterruptedException {
			running = false;
			thread.join();
			return hits.get() == 0 ? "no" : "yes, " + hits.get() + " of " + samples.get() + " samples (" + String.join(", ", seen) + ")";
		}

		static List<String> others() {
			List<String> found = new ArrayList<>();
			try (var s = Files.list(Path.of("/proc"))) {
				for (Path p : s.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
					try {
						String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
						if (cmd.contains("surefire")) {
							found.add("surefire");
						} else if (cmd.contains("plexus-classworlds")) {
							found.add("maven");
						}
					} catch (IOException gone) {
						// the process ended meanwhile
					}
				}
			} catch (IOException e) {
				return found;
			}
			return found;
		}
	}

	/**
	 * The flow of one activity from plan to briefing, as a worker and residents go through it on the pages, to count
	 * what is typed and to check that each typed fact reaches the documents the app generates:
	 * festival pre-fill of the plan form (parsed), the form submitted with the typed facts, residents checking in on
	 * the public page (parsed), photos through the stage form, plan and attendance sheet filed by button, briefing
	 * and summary drafts downloaded; then every generated DOCX is searched for every fact.
	 */
	static void activityFlow(String[] a) throws Exception {
		String base = a[0];
		Api admin = new Api(base, a[1], a[2]);
		Api writer = new Api(base, a[3], a[4]);
		long street = unitNamed(admin, a[5], "STREET");
		String stamp = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now());
		String unitName = "活动流程社区" + stamp;
		long unit = admin.create(street, "COMMUNITY", unitName);
		Session worker = new Session(base, a[3], a[4]);
		java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
		LocalDate today = LocalDate.now(shanghai);

		// the next traditional festival (我们的节日) from the festival calendar
		Map<?, ?> festival = null;
		for (int year = today.getYear(); year <= today.getYear() + 1 && festival == null; year++) {
			for (Object o : (List<?>) writer.getJson("/api/v1/festivals?year=" + year)) {
				Map<?, ?> f = (Map<?, ?>) o;
				if (Boolean.TRUE.equals(f.get("traditional")) && !LocalDate.parse((String) f.get("date")).isBefore(today)) {
					festival = f;
					break;
				}
			}
		}
		if (festival == null) {
			throw new IllegalStateException("no traditional festival ahead");
		}
		kv("flow.festival", festival.get("name") + " " + festival.get("date") + " (category " + festival.get("category") + ")");

		// the blank form and the festival form, as the pages render them
		FormFields blank = FormFields.of(worker.get("/activities/new?unit=" + unit).body(), "/activities");
		FormFields fest = FormFields.of(worker.get("/activities/new?unit=" + unit + "&festival=" + Session.enc((String) festival.get("name")) + "&date="
				+ festival.get("date")).body(), "/activities");
		kv("flow.form.fields", fest.describe());
		kv("flow.form.blank_prefilled", blank.prefilled());
		kv("flow.form.festival_prefilled", fest.prefilled());
		kv("flow.form.typed_controls", fest.count("typed"));
		kv("flow.form.chosen_controls", fest.count("chosen"));
		kv("flow.form.hidden_controls", fest.count("hidden"));
		kv("flow.form.required", String.join(", ", fest.required()));
		kv("flow.form.required_empty_blank", String.join(", ", blank.requiredEmpty()));
		kv("flow.form.required_empty_festival", String.join(", ", fest.requiredEmpty()));
		kv("flow.form.indicator_boxes", blank.controls.get("indicatorCodes").options());
		kv("flow.form.categories", blank.controls.get("category").options() - 1);

		// what the worker types: the festival's title, category, indicators and day stay as pre-filled (one more box
		// ticked: Ⅲ-117); the times are moved to now so that check-in is open during the benchmark
		LocalDateTime starts = LocalDateTime.now(shanghai).withSecond(0).withNano(0).plusMinutes(5);
		LocalDateTime ends = starts.plusHours(2);
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("place", "社区文化广场");
		typed.put("organizer", unitName + "居委会");
		typed.put("expectedParticipants", "60");
		typed.put("volunteersNeeded", "8");
		typed.put("targetGroups", "社区居民");
		typed.put("description", "邀请辖区居民一起包饺子、写春联、讲节日习俗,志愿者为空巢老人送上节日祝福。");
		kv("flow.typed", typed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
		List<String[]> plan = new ArrayList<>();
		List<String> codes = new ArrayList<>(fest.checked("indicatorCodes"));
		if (!codes.contains("Ⅲ-117")) {
			codes.add("Ⅲ-117");
		}
		for (Map.Entry<String, String> e : fest.values().entrySet()) {
			if (!e.getKey().equals("indicatorCodes") && !e.getKey().equals("_csrf") && !typed.containsKey(e.getKey())) {
				plan.add(new String[] {e.getKey(), e.getKey().equals("startsAt") ? starts.toString() : e.getKey().equals("endsAt") ? ends.toString() : e.getValue()});
			}
		}
		typed.forEach((k, v) -> plan.add(new String[] {k, v}));
		codes.forEach(c -> plan.add(new String[] {"indicatorCodes", c}));
		HttpResponse<String> planned = worker.postForm("/activities", plan, fest.values().get("_csrf"));
		Matcher loc = Pattern.compile("/activities/(\\d+)$").matcher(planned.headers().firstValue("Location").orElse(""));
		if (planned.statusCode() != 302 || !loc.find()) {
			throw new IllegalStateException("planning through the form answered " + planned.statusCode() + " "
					+ planned.headers().firstValue("Location").orElse(planned.body().replaceAll("\\s+", " ").substring(0, Math.min(300, planned.body().length()))));
		}
		long id = Long.parseLong(loc.group(1));
		Map<?, ?> act = (Map<?, ?>) writer.getJson("/api/v1/activities/" + id);
		String title = (String) act.get("title");
		String code = (String) act.get("checkInCode");
		kv("flow.activity", id + ": " + title + ", " + act.get("category") + ", " + act.get("indicatorCodes") + ", code " + code);

		// the worker's activity page: the stage upload form
		String page = worker.get("/activities/" + id).body();
		FormFields stageForm = FormFields.of(page, "/activities/" + id + "/materials");
		kv("flow.stage_form.fields", stageForm.describe());

		// residents and volunteers check in on their phones: public page, no login
		String[][] people = {{"张桂兰", "13800001111", "RESIDENT"}, {"李建国", "13900002222", "RESIDENT"}, {"王秀英", "13700003333", "RESIDENT"},
				{"赵志强", "13600004444", "VOLUNTEER"}};
		FormFields checkInForm = null;
		for (String[] p : people) {
			Session phone = new Session(base);
			HttpResponse<String> open = phone.get("/c/" + code);
			checkInForm = FormFields.of(open.body(), "/c/" + code);
			HttpResponse<String> done = phone.postForm("/c/" + code, List.of(new String[] {"name", p[0]}, new String[] {"phone", p[1]},
					new String[] {"role", p[2]}), checkInForm.values().get("_csrf"));
			if (done.statusCode() != 200 || !done.body().contains("data-testid=\"checkin-done\"")) {
				throw new IllegalStateException("check-in of " + p[0] + " answered " + done.statusCode());
			}
		}
		kv("flow.checkin_form.fields", checkInForm.describe());
		kv("flow.checked_in", people.length + " (3 residents, 1 volunteer) through /c/" + code);

		// photos through the stage form: stage pre-selected (图片), title left empty
		List<byte[]> shots = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			shots.add(withExifTime(noiseJpeg(1024, 768, 0.85f, new SplittableRandom(5151L + i)), starts.plusMinutes(10 + i)));
		}
		Multipart photos = new Multipart();
		photos.field("stage", stageForm.values().getOrDefault("stage", "PHOTOS"));
		photos.field("title", "");
		for (int i = 0; i < shots.size(); i++) {
			photos.file("file", "IMG_" + (2001 + i) + ".jpg", "image/jpeg", shots.get(i));
		}
		expectRedirect(worker.post("/activities/" + id + "/materials", photos, stageForm.values().get("_csrf")), "photos");
		// plan and attendance sheet: one button each
		String csrf = FormFields.csrf(worker.get("/activities/" + id).body());
		expectRedirect(worker.postForm("/activities/" + id + "/plan", List.of(), csrf), "plan");
		expectRedirect(worker.postForm("/activities/" + id + "/attendance", List.of(), csrf), "attendance");
		// briefing and summary drafts: one link each (newer pages: the briefing through a form choosing its photos,
		// the first four ticked)
		String detail = worker.get("/activities/" + id).body();
		String briefingPath = "/activities/" + id + "/briefing.docx";
		if (detail.contains("action=\"" + briefingPath + "\"")) {
			FormFields choose = FormFields.of(detail, briefingPath);
			kv("flow.briefing_form.fields", choose.describe() + " (ticked: " + choose.checked("photo").size() + ")");
			briefingPath += "?" + choose.checked("photo").stream().map(v -> "photo=" + Session.enc(v)).collect(Collectors.joining("&"));
		} else {
			kv("flow.briefing_form.fields", "none (a plain link)");
		}
		byte[] briefing = worker.getBytes(briefingPath);
		byte[] summary = worker.getBytes("/activities/" + id + "/summary.docx");
		byte[] briefingApi = writer.getBytes("/api/v1/activities/" + id + "/briefing.docx");

		act = (Map<?, ?>) writer.getJson("/api/v1/activities/" + id);
		Map<String, Long> stageMaterial = new LinkedHashMap<>();
		List<String> done = new ArrayList<>();
		for (Object o : (List<?>) act.get("stages")) {
			Map<?, ?> s = (Map<?, ?>) o;
			List<?> ids = (List<?>) s.get("materialIds");
			if (!ids.isEmpty()) {
				stageMaterial.put((String) s.get("stage"), ((Number) ids.get(0)).longValue());
				done.add(s.get("stage") + " (" + s.get("kind") + ")");
			}
		}
		kv("flow.stages_done", String.join(", ", done));
		List<String> meta = new ArrayList<>();
		for (Map.Entry<String, Long> e : stageMaterial.entrySet()) {
			Map<?, ?> m = (Map<?, ?>) writer.getJson("/api/v1/materials/" + e.getValue());
			meta.add(e.getKey() + ": kind " + m.get("kind") + ", title “" + m.get("title") + "”, dateFormed " + m.get("dateFormed") + ", responsibleParty "
					+ m.get("responsibleParty") + ", boxes " + m.get("indicatorCodes"));
		}
		kv("flow.stage_materials", String.join(" | ", meta));
		Map<?, ?> photoMaterial = (Map<?, ?>) writer.getJson("/api/v1/materials/" + stageMaterial.get("photos"));
		kv("flow.photo_material_title", photoMaterial.get("title") + " (typed: nothing)");
		Map<?, ?> firstPhoto = (Map<?, ?>) ((List<?>) photoMaterial.get("files")).get(0);
		kv("flow.photo_caption", "file 1: takenAt " + firstPhoto.get("takenAt") + ", caption " + Json.write(firstPhoto.get("caption")));
		byte[] planDocx = writer.getBytes("/api/v1/materials/" + stageMaterial.get("plan") + "/files/0");
		byte[] sheetDocx = writer.getBytes("/api/v1/materials/" + stageMaterial.get("attendance") + "/files/0");

		// every fact typed once, looked for in every generated document
		Map<String, String> docs = new LinkedHashMap<>();
		docs.put("plan", docxText(planDocx));
		docs.put("attendance", docxText(sheetDocx));
		docs.put("briefing", docxText(briefing));
		docs.put("summary", docxText(summary));
		docs.put("checkin_page", FormFields.unescape(new Session(base).get("/c/" + code).body()));
		kv("flow.briefing_api_same_text", docxText(briefingApi).equals(docs.get("briefing")));
		Map<String, List<String>> facts = new LinkedHashMap<>();
		facts.put("title", List.of(title));
		facts.put("category", List.of((String) act.get("category")));
		facts.put("indicators", codes);
		facts.put("date", List.of(ActivityText.DAY.format(starts), starts.toLocalDate().toString()));
		facts.put("start_time", List.of(String.format("%02d:%02d", starts.getHour(), starts.getMinute())));
		facts.put("place", List.of(typed.get("place")));
		facts.put("unit", List.of(unitName));
		facts.put("organizer", List.of(typed.get("organizer")));
		facts.put("expected", List.of("预计 " + typed.get("expectedParticipants") + " 人"));
		facts.put("volunteers_needed", List.of("志愿者 " + typed.get("volunteersNeeded") + " 名"));
		facts.put("target_groups", List.of(typed.get("targetGroups")));
		facts.put("description", List.of(typed.get("description")));
		facts.put("participant_names", Arrays.stream(people).map(p -> p[0]).toList());
		facts.put("attended_count", List.of("共有" + people.length + "人参加", "共 " + people.length + " 人签到"));
		facts.put("photos", List.of("<w:drawing>", "<wp:inline"));
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("plan", docxXml(planDocx));
		raw.put("attendance", docxXml(sheetDocx));
		raw.put("briefing", docxXml(briefing));
		raw.put("summary", docxXml(summary));
		raw.put("checkin_page", docs.get("checkin_page"));
		List<String> allValues = facts.entrySet().stream().filter(e -> !e.getKey().equals("photos")).flatMap(e -> e.getValue().stream()).toList();
		for (Map.Entry<String, List<String>> fact : facts.entrySet()) {
			for (String doc : docs.keySet()) {
				String hay = fact.getKey().equals("photos") ? raw.get(doc) : docs.get(doc);
				if (!fact.getKey().equals("photos")) {
					// a fact counts only where it stands on its own: the category inside the title, or the unit's name inside
					// the organizer's, is not a use of the category or of the unit
					for (String other : allValues) {
						if (!fact.getValue().contains(other) && fact.getValue().stream().anyMatch(other::contains)) {
							hay = hay.replace(other, "");
						}
					}
				}
				boolean all = List.of("date", "attended_count", "photos").contains(fact.getKey())
						? fact.getValue().stream().anyMatch(hay::contains) : fact.getValue().stream().allMatch(hay::contains);
				kv("flow.fact." + fact.getKey() + "." + doc, all ? "yes" : "no");
			}
		}
		// the phone numbers: typed by the residents, masked in the sheet
		kv("flow.attendance_phones_masked", docs.get("attendance").contains("138****1111") && !docs.get("attendance").contains("13800001111"));

		// the boxes after the flow
		List<String> kinds = new ArrayList<>();
		for (Object o : (List<?>) ((Map<?, ?>) writer.getJson("/api/v1/readiness?orgUnitId=" + unit)).get("indicators")) {
			Map<?, ?> ind = (Map<?, ?>) o;
			if (codes.contains(ind.get("code"))) {
				kinds.add(ind.get("code") + ": " + String.join("/", ((List<?>) ind.get("presentKinds")).stream().map(String::valueOf).toList()));
			}
		}
		kv("flow.boxes_after", String.join("; ", kinds));
	}

	static void expectRedirect(HttpResponse<String> r, String what) {
		if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
			throw new IllegalStateException(what + " answered " + r.statusCode() + " " + r.headers().firstValue("Location").orElse("")
					+ " " + r.body().replaceAll("\\s+", " ").substring(0, Math.min(300, r.body().length())));
		}
	}

	static final class ActivityText {
		static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
	}

	static String docxXml(byte[] docx) throws IOException {
		try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
				if (e.getName().equals("word/document.xml")) {
					return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
		}
		throw new IllegalStateException("no word/document.xml in a " + docx.length + "-byte download");
	}

	/** The text of a DOCX body: runs joined, a line per paragraph, XML entities decoded. */
	static String docxText(byte[] docx) throws IOException {
		String xml = docxXml(docx).replace("</w:p>", "\n").replaceAll("<w:tab/>", "\t").replaceAll("<[^>]+>", "");
		return FormFields.unescape(xml);
	}

	/** The controls of one form of a rendered page, by name: how each is filled in and what it holds already. */
	static final class FormFields {

		record Control(String name, String how, String type, boolean required, String value, int options, List<String> checked) {}

		final Map<String, Control> controls = new LinkedHashMap<>();

		static FormFields of(String html, String action) {
			Matcher form = Pattern.compile("<form\\b[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
			if (!form.find()) {
				throw new IllegalStateException("no form with action " + action);
			}
			String body = form.group(1);
			FormFields f = new FormFields();
			Matcher m = Pattern.compile("<(input|select|textarea)\\b([^>]*)>(?:(.*?)</\\1>)?", Pattern.DOTALL).matcher(body);
			while (m.find()) {
				String tag = m.group(1);
				Map<String, String> at = attrs(m.group(2));
				String name = at.get("name");
				if (name == null) {
					continue;
				}
				String type = tag.equals("input") ? at.getOrDefault("type", "text") : tag;
				boolean required = at.containsKey("required");
				Control old = f.controls.get(name);
				switch (type) {
					case "checkbox", "radio" -> {
						List<String> checked = new ArrayList<>(old == null ? List.of() : old.checked());
						if (at.containsKey("checked")) {
							checked.add(unescape(at.getOrDefault("value", "on")));
						}
						f.controls.put(name, new Control(name, "chosen", type, required || (old != null && old.required()), checked.isEmpty() ? "" : String.join(",", checked),
								(old == null ? 0 : old.options()) + 1, checked));
					}
					case "select" -> {
						String inner = m.group(3) == null ? "" : m.group(3);
						Matcher o = Pattern.compile("<option\\b([^>]*)>").matcher(inner);
						int n = 0;
						String selected = "";
						String first = null;
						while (o.find()) {
							Map<String, String> oa = attrs(o.group(1));
							n++;
							if (first == null) {
								first = oa.getOrDefault("value", "");
							}
							if (oa.containsKey("selected")) {
								selected = unescape(oa.getOrDefault("value", ""));
							}
						}
						if (selected.isEmpty() && first != null && !required) {
							selected = unescape(first); // a select shows its first option
						} else if (selected.isEmpty() && first != null && !first.isEmpty()) {
							selected = unescape(first);
						}
						f.controls.put(name, new Control(name, "chosen", "select", required, selected, n, List.of()));
					}
					case "textarea" -> f.controls.put(name, new Control(name, "typed", "textarea", required, unescape(m.group(3) == null ? "" : m.group(3).strip()), 0, List.of()));
					case "hidden" -> f.controls.put(name, new Control(name, "hidden", "hidden", false, unescape(at.getOrDefault("value", "")), 0, List.of()));
					case "file" -> f.controls.put(name, new Control(name, "chosen", "file", required, "", 0, List.of()));
					case "search", "submit", "button" -> {
						// a filter box or a button: nothing the activity keeps
					}
					default -> f.controls.put(name, new Control(name, "typed", type + (at.containsKey("list") ? "+suggestions" : ""), required,
							unescape(at.getOrDefault("value", "")), 0, List.of()));
				}
			}
			return f;
		}

		static Map<String, String> attrs(String s) {
			Map<String, String> at = new LinkedHashMap<>();
			Matcher a = Pattern.compile("([\\w:-]+)(?:=\"([^\"]*)\")?").matcher(s);
			while (a.find()) {
				at.put(a.group(1), a.group(2) == null ? "" : a.group(2));
			}
			return at;
		}

		static String unescape(String s) {
			return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'").replace("&amp;", "&");
		}

		static String csrf(String html) {
			Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
			if (!m.find()) {
				throw new IllegalStateException("no CSRF token on the page");
			}
			return m.group(1);
		}

		Map<String, String> values() {
			Map<String, String> v = new LinkedHashMap<>();
			controls.values().forEach(c -> v.put(c.name(), c.value()));
			return v;
		}

		List<String> checked(String name) {
			return controls.containsKey(name) ? controls.get(name).checked() : List.of();
		}

		long count(String how) {
			return controls.values().stream().filter(c -> c.how().equals(how) && !c.name().equals("_csrf")).count();
		}

		/** Required controls that the rendered page leaves empty: the least a worker must fill in. */
		List<String> requiredEmpty() {
			return controls.values().stream().filter(c -> c.required() && c.value().isEmpty()).map(c -> c.name() + " (" + c.how() + ")").toList();
		}

		List<String> required() {
			return controls.values().stream().filter(Control::required).map(Control::name).toList();
		}

		String prefilled() {
			return controls.values().stream().filter(c -> !c.name().equals("_csrf") && !c.value().isEmpty())
					.map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; "));
		}

		String describe() {
			return controls.values().stream().filter(c -> !c.name().equals("_csrf"))
					.map(c -> c.name() + ":" + c.how() + "/" + c.type() + (c.options() > 0 ? "×" + c.options() : "") + (c.required() ? "/required" : ""))
					.collect(Collectors.joining(" "));
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// HTTP
	// ---------------------------------------------------------------------------------------------------------

	interface Client {
		HttpResponse<String> post(String path, Multipart body, String csrf) throws Exception;
	}

	/** The JSON API with HTTP Basic (stateless: the server re-checks the password on every call). */
	static final class Api implements Client {

		final String base;
		final String auth;
		final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

		Api(String base, String user, String password) {
			this.base = base;
			this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		Object getJson(String path) throws Exception {
			HttpResponse<String> r = get(path);
			expect(r, 200);
			return Json.parse(r.body());
		}

		byte[] getBytes(String path) throws Exception {
			HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (r.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
			}
			return r.body();
		}

		HttpResponse<String> postJson(String path, String json) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).header("Content-Type", "application/json")
					.timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		HttpResponse<String> post(String path, Multipart body) throws Exception {
			return post(path, body, null);
		}

		@Override
		public HttpResponse<String> post(String path, Multipart body, String csrf) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
					.header("Content-Type", body.contentType()).timeout(Duration.ofMinutes(10)).POST(body.publisher()).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		long create(long parent, String kind, String name) throws Exception {
			String json = "{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":" + Json.quote(name) + "}";
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/org-units")).header("Authorization", auth)
					.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			expect(r, 201);
			return ((Number) ((Map<?, ?>) Json.parse(r.body())).get("id")).longValue();
		}

		/**
		 * A street office account at {@code unit}, opened by this system administrator and past the password change
		 * every new account must make first → {username, password}.
		 */
		String[] writerAt(long unit, String username) throws Exception {
			String initial = "Bench#" + Long.toHexString(System.nanoTime()) + "a";
			String chosen = "Bench#" + Long.toHexString(System.nanoTime()) + "b";
			expect(postJson("/api/v1/accounts", "{\"username\":" + Json.quote(username) + ",\"displayName\":\"压测文明办\",\"orgUnitId\":" + unit
					+ ",\"roles\":[\"STREET\"],\"password\":" + Json.quote(initial) + "}"), 201);
			Api first = new Api(base, username, initial);
			first.expect(first.postJson("/api/v1/me/password", "{\"oldPassword\":" + Json.quote(initial) + ",\"newPassword\":" + Json.quote(chosen) + "}"), 204);
			return new String[] {username, chosen};
		}

		void expect(HttpResponse<String> r, int status) {
			if (r.statusCode() != status) {
				throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": "
						+ r.body().substring(0, Math.min(500, r.body().length())));
			}
		}
	}

	/** A logged-in page session (form login with CSRF, JSESSIONID cookie). */
	static final class Session implements Client {

		final String base;
		final CookieManager cookies = new CookieManager();
		final HttpClient http;

		Session(String base, String user, String password) throws Exception {
			this.base = base;
			this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
					.cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
			String token = csrf("/login");
			String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
					.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
					HttpResponse.BodyHandlers.ofString());
			String location = r.headers().firstValue("Location").orElse("");
			if (r.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
				throw new IllegalStateException("login as " + user + " failed: " + r.statusCode() + " " + location);
			}
		}

		/** A browser without a login (the public check-in page). */
		Session(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
					.cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
		}

		byte[] getBytes(String path) throws Exception {
			HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (r.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
			}
			return r.body();
		}

		/** A form POST as a browser sends it (application/x-www-form-urlencoded), with the CSRF token. */
		HttpResponse<String> postForm(String path, List<String[]> fields, String csrf) throws Exception {
			StringBuilder form = new StringBuilder("_csrf=" + enc(csrf));
			for (String[] f : fields) {
				form.append('&').append(enc(f[0])).append('=').append(enc(f[1]));
			}
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
					.timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		String csrf(String path) throws Exception {
			HttpResponse<String> r = get(path);
			Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(r.body());
			if (r.statusCode() != 200 || !m.find()) {
				throw new IllegalStateException("no CSRF token on " + path + " (" + r.statusCode() + ")");
			}
			return m.group(1);
		}

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		@Override
		public HttpResponse<String> post(String path, Multipart body, String csrf) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf)
					.header("Content-Type", body.contentType()).timeout(Duration.ofMinutes(10)).POST(body.publisher()).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}

		String cookie(String name) {
			return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
					.findFirst().orElseThrow();
		}

		static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
		}
	}

	/** multipart/form-data without copying the file bytes. */
	static final class Multipart {

		final String boundary = "----chuangwen-bench-" + Long.toHexString(System.nanoTime());
		final List<byte[]> chunks = new ArrayList<>();
		long length;

		private void add(byte[] b) {
			chunks.add(b);
			length += b.length;
		}

		private void head(String disposition, String contentType) {
			add(("--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\nContent-Type: " + contentType + "\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
		}

		void json(String name, String json) {
			head("name=\"" + name + "\"", "application/json; charset=UTF-8");
			add(json.getBytes(StandardCharsets.UTF_8));
			add("\r\n".getBytes(StandardCharsets.US_ASCII));
		}

		void field(String name, String value) {
			head("name=\"" + name + "\"", "text/plain; charset=UTF-8");
			add(value.getBytes(StandardCharsets.UTF_8));
			add("\r\n".getBytes(StandardCharsets.US_ASCII));
		}

		void file(String name, String fileName, String contentType, byte[] bytes) {
			head("name=\"" + name + "\"; filename=\"" + fileName + "\"", contentType);
			add(bytes);
			add("\r\n".getBytes(StandardCharsets.US_ASCII));
		}

		long length() {
			return length + ("--" + boundary + "--\r\n").length();
		}

		String contentType() {
			return "multipart/form-data; boundary=" + boundary;
		}

		HttpRequest.BodyPublisher publisher() {
			List<byte[]> all = new ArrayList<>(chunks);
			all.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
			long total = length();
			return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(all), total);
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// Small real documents
	// ---------------------------------------------------------------------------------------------------------

	static final class Office {

		static String contentType(String type) {
			return switch (type) {
				case "jpg" -> "image/jpeg";
				case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
				case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
				default -> "application/pdf";
			};
		}

		/** A one-page PDF with a correct cross-reference table; the title and tag make it unique. */
		static byte[] pdf(String title, String tag) {
			String text = ascii(tag);
			String stream = "BT /F1 12 Tf 72 760 Td (" + text + ") Tj ET";
			List<String> objects = List.of(
					"<< /Type /Catalog /Pages 2 0 R >>",
					"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
					"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
					"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
					"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
					"<< /Title <FEFF" + utf16Hex(title) + "> /Producer (chuangwen bench) >>");
			StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
			List<Integer> offsets = new ArrayList<>();
			for (int i = 0; i < objects.size(); i++) {
				offsets.add(pdf.length());
				pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
			}
			int xref = pdf.length();
			pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
			for (int off : offsets) {
				pdf.append(String.format("%010d 00000 n \n", off));
			}
			pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 6 0 R >>\nstartxref\n").append(xref)
					.append("\n%%EOF\n");
			return pdf.toString().getBytes(StandardCharsets.US_ASCII);
		}

		/**
		 * A valid one-page PDF of about {@code size} bytes: like {@link #pdf}, plus an unreferenced stream object of
		 * random (incompressible) bytes, so that it weighs as much as a photo but is no photo.
		 */
		static byte[] pdfWithPayload(String title, String tag, int size, SplittableRandom random) {
			byte[] probe = pdfPayload(title, tag, new byte[0]);
			byte[] payload = new byte[Math.max(0, size - probe.length)];
			random.nextBytes(payload);
			return pdfPayload(title, tag, payload);
		}

		private static byte[] pdfPayload(String title, String tag, byte[] payload) {
			String stream = "BT /F1 12 Tf 72 760 Td (" + ascii(tag) + ") Tj ET";
			List<byte[]> objects = new ArrayList<>();
			for (String o : List.of(
					"<< /Type /Catalog /Pages 2 0 R >>",
					"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
					"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
					"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
					"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
					"<< /Title <FEFF" + utf16Hex(title) + "> /Producer (chuangwen bench) >>")) {
				objects.add(o.getBytes(StandardCharsets.US_ASCII));
			}
			ByteArrayOutputStream blob = new ByteArrayOutputStream(payload.length + 64);
			blob.writeBytes(("<< /Length " + payload.length + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
			blob.writeBytes(payload);
			blob.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
			objects.add(blob.toByteArray());
			ByteArrayOutputStream pdf = new ByteArrayOutputStream(payload.length + 2048);
			pdf.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
			List<Integer> offsets = new ArrayList<>();
			for (int i = 0; i < objects.size(); i++) {
				offsets.add(pdf.size());
				pdf.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
				pdf.writeBytes(objects.get(i));
				pdf.writeBytes("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
			}
			int xref = pdf.size();
			StringBuilder tail = new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
			for (int off : offsets) {
				tail.append(String.format("%010d 00000 n \n", off));
			}
			tail.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 6 0 R >>\nstartxref\n").append(xref)
					.append("\n%%EOF\n");
			pdf.writeBytes(tail.toString().getBytes(StandardCharsets.US_ASCII));
			return pdf.toByteArray();
		}

		static String ascii(String s) {
			return s.replaceAll("[^ -~]", "?").replace("(", "[").replace(")", "]").replace("\\", "/");
		}

		static String utf16Hex(String s) {
			return HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.UTF_16BE));
		}

		static String xml(String s) {
			return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		}

		static byte[] docx(String title, String tag) {
			Map<String, String> parts = new LinkedHashMap<>();
			parts.put("[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
					</Types>""");
			parts.put("_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
					</Relationships>""");
			parts.put("word/document.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
					<w:p><w:r><w:t>%s</w:t></w:r></w:p><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>"""
					.formatted(xml(title), xml(tag)));
			return zip(parts);
		}

		static byte[] xlsx(String title, String tag) {
			Map<String, String> parts = new LinkedHashMap<>();
			parts.put("[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
					<Default Extension="xml" ContentType="application/xml"/>\
					<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
					<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
					</Types>""");
			parts.put("_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
					</Relationships>""");
			parts.put("xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
					<sheets><sheet name="统计表" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			parts.put("xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
					</Relationships>""");
			parts.put("xl/worksheets/sheet1.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
					<row r="1"><c r="A1" t="inlineStr"><is><t>%s</t></is></c></row>\
					<row r="2"><c r="A2" t="inlineStr"><is><t>%s</t></is></c><c r="B2"><v>12</v></c></row>\
					</sheetData></worksheet>""".formatted(xml(title), xml(tag)));
			return zip(parts);
		}

		static byte[] zip(Map<String, String> parts) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
				for (Map.Entry<String, String> part : parts.entrySet()) {
					zip.putNextEntry(new ZipEntry(part.getKey()));
					zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
					zip.closeEntry();
				}
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return out.toByteArray();
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// Utilities: results, statistics, a minimal JSON reader
	// ---------------------------------------------------------------------------------------------------------

	static synchronized void kv(String key, Object value) {
		String v = value instanceof Double d ? fmt(d) : String.valueOf(value);
		System.out.println("  " + key + " = " + v);
		if (KV != null) {
			try {
				Files.writeString(KV, key + "=" + v.replace("\n", " ") + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}

	static String fmt(double v) {
		return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
	}

	static long median(long[] values) {
		return pct(values, 0.5);
	}

	/** Nearest-rank percentile. */
	static long pct(long[] values, double p) {
		if (values.length == 0) {
			return 0;
		}
		long[] s = values.clone();
		Arrays.sort(s);
		int rank = (int) Math.ceil(p * s.length);
		return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
	}

	static final class Json {

		private final String s;
		private int i;

		private Json(String s) {
			this.s = s;
		}

		static Object parse(String s) {
			Json j = new Json(s);
			Object v = j.value();
			j.ws();
			if (j.i != s.length()) {
				throw new IllegalArgumentException("trailing JSON at " + j.i);
			}
			return v;
		}

		/** Compact JSON of a parsed value (for reporting what the API answered). */
		static String write(Object v) {
			if (v == null) {
				return "null";
			}
			if (v instanceof Map<?, ?> m) {
				return m.entrySet().stream().map(e -> quote(String.valueOf(e.getKey())) + ":" + write(e.getValue())).collect(Collectors.joining(",", "{", "}"));
			}
			if (v instanceof List<?> l) {
				return l.stream().map(Json::write).collect(Collectors.joining(",", "[", "]"));
			}
			return v instanceof String s ? quote(s) : String.valueOf(v);
		}

		static String quote(String v) {
			StringBuilder b = new StringBuilder("\"");
			for (char c : v.toCharArray()) {
				switch (c) {
					case '"' -> b.append("\\\"");
					case '\\' -> b.append("\\\\");
					case '\n' -> b.append("\\n");
					case '\r' -> b.append("\\r");
					case '\t' -> b.append("\\t");
					default -> {
						if (c < 0x20) {
							b.append(String.format("\\u%04x", (int) c));
						} else {
							b.append(c);
						}
					}
				}
			}
			return b.append('"').toString();
		}

		private void ws() {
			while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
				i++;
			}
		}

		private Object value() {
			ws();
			char c = s.charAt(i);
			switch (c) {
				case '{' -> {
					Map<String, Object> m = new LinkedHashMap<>();
					i++;
					ws();
					if (s.charAt(i) == '}') {
						i++;
						return m;
					}
					while (true) {
						ws();
						String k = string();
						ws();
						i++; // ':'
						m.put(k, value());
						ws();
						if (s.charAt(i++) == '}') {
							return m;
						}
					}
				}
				case '[' -> {
					List<Object> l = new ArrayList<>();
					i++;
					ws();
					if (s.charAt(i) == ']') {
						i++;
						return l;
					}
					while (true) {
						l.add(value());
						ws();
						if (s.charAt(i++) == ']') {
							return l;
						}
					}
				}
				case '"' -> {
					return string();
				}
				default -> {
					if (s.startsWith("true", i)) {
						i += 4;
						return Boolean.TRUE;
					}
					if (s.startsWith("false", i)) {
						i += 5;
						return Boolean.FALSE;
					}
					if (s.startsWith("null", i)) {
						i += 4;
						return null;
					}
					int start = i;
					while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
						i++;
					}
					String num = s.substring(start, i);
					if (num.isEmpty()) {
						throw new IllegalArgumentException("bad JSON at " + start);
					}
					return num.matches("-?\\d+") ? (Object) Long.parseLong(num) : (Object) Double.parseDouble(num);
				}
			}
		}

		private String string() {
			StringBuilder b = new StringBuilder();
			i++; // opening quote
			while (true) {
				char c = s.charAt(i++);
				if (c == '"') {
					return b.toString();
				}
				if (c == '\\') {
					char e = s.charAt(i++);
					switch (e) {
						case 'n' -> b.append('\n');
						case 't' -> b.append('\t');
						case 'r' -> b.append('\r');
						case 'b' -> b.append('\b');
						case 'f' -> b.append('\f');
						case 'u' -> {
							b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
							i += 4;
						}
						default -> b.append(e);
					}
				} else {
					b.append(c);
				}
			}
		}
	}

	// ---------------------------------------------------------------------------------------------------------
	// Report
	// ---------------------------------------------------------------------------------------------------------

	static final class Report {

		static void write(Path kvFile, Path out) throws IOException {
			Map<String, String> v = new LinkedHashMap<>();
			for (String line : Files.readAllLines(kvFile, StandardCharsets.UTF_8)) {
				int eq = line.indexOf('=');
				if (eq > 0) {
					v.put(line.substring(0, eq), line.substring(eq + 1));
				}
			}
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.writeString(out, new Report(v).markdown(), StandardCharsets.UTF_8);
		}

		private final Map<String, String> v;
		private final StringBuilder md = new StringBuilder();

		Report(Map<String, String> v) {
			this.v = v;
		}

		String g(String key) {
			return v.getOrDefault(key, "–");
		}

		double d(String key) {
			try {
				return Double.parseDouble(v.get(key));
			} catch (RuntimeException e) {
				return Double.NaN;
			}
		}

		boolean has(String key) {
			return v.containsKey(key);
		}

		static String s(double ms) {
			return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.1f s", ms / 1000);
		}

		static String f(double x) {
			return Double.isNaN(x) ? "–" : fmt(x);
		}

		void line(String s) {
			md.append(s).append('\n');
		}

		String markdown() {
			line("# 创文 benchmark results");
			line("");
			line("- Date: " + g("meta.date"));
			line("- Machine: " + g("meta.cpus") + " cores (" + g("meta.cpu_model") + "), " + g("meta.mem") + " RAM, " + g("meta.kernel"));
			line("- Java: " + g("meta.java"));
			line("- App: `" + g("meta.jar") + "` (" + g("meta.jar_size") + "), git " + g("meta.git"));
			line("- App JVM flags: " + (g("meta.java_opts").isBlank() || g("meta.java_opts").equals("–") ? "none (default heap)" : "`" + g("meta.java_opts") + "`")
					+ "; effective: `" + g("meta.vm_flags") + "`");
			line("- Other load on the machine, per phase: " + g("meta.busy"));
			line("- Settings: " + g("meta.settings"));
			line("");

			if (has("cold1.up_ms")) {
				line("## 1. Start until `/actuator/health` is UP");
				line("");
				line("Wall time from launching `java -jar` (the helper starts the process and polls the health endpoint every 20 ms)"
						+ " until it answers 200 `{\"status\":\"UP\"}`. Milestones are taken from the app's own log, relative to the launch.");
				line("");
				line("| run | data dir | UP | Spring `Starting` | context init | Flyway | Tomcat started | `Started` (Spring's own) | demo data done | first HTTP answer |");
				line("|---|---|---|---|---|---|---|---|---|---|");
				List<Double> ups = new ArrayList<>();
				for (String run : List.of("cold1", "cold2", "cold3", "cold4", "cold5", "warm")) {
					if (!has(run + ".up_ms")) {
						continue;
					}
					if (run.startsWith("cold")) {
						ups.add(d(run + ".up_ms"));
					}
					line("| " + run + " | " + (g(run + ".existing_data").equals("true") ? "existing" : "fresh, empty") + " | **" + s(d(run + ".up_ms")) + "** | "
							+ s(d(run + ".log.spring_starting_ms")) + " | " + s(d(run + ".log.context_init_ms")) + " | " + s(d(run + ".log.flyway_done_ms"))
							+ " | " + s(d(run + ".log.tomcat_started_ms")) + " | " + s(d(run + ".log.started_ms")) + " (" + g(run + ".spring_reported_s")
							+ " s) | " + (has(run + ".log.demo_data_ms") ? s(d(run + ".log.demo_data_ms")) : "–") + " | " + s(d(run + ".first_http_ms"))
							+ " (" + g(run + ".first_http_status") + ") |");
				}
				ups.sort(Double::compare);
				if (!ups.isEmpty()) {
					line("");
					line("**Cold start (fresh data dir), median of " + ups.size() + ": " + s(ups.get((ups.size() - 1) / 2)) + "**"
							+ (has("warm.up_ms") ? "; second start with the existing data dir: **" + s(d("warm.up_ms")) + "**." : "."));
					line("");
					line("Peak RSS (VmHWM) of the cold-start JVMs: " + v.entrySet().stream().filter(e -> e.getKey().matches("cold\\d\\.vmhwm"))
							.map(Map.Entry::getValue).collect(Collectors.joining(", ")) + ".");
				}
				line("");
			}

			if (has("upload.seq.total_ms")) {
				double mb = d("upload.seq.bytes") / MB;
				line("## 2. Uploading 50 photos of ≈3 MB");
				line("");
				line(String.format(Locale.ROOT, "%s distinct random-noise JPEGs (%s, real JPEG content with an EXIF DateTimeOriginal), %.1f MB in all"
						+ " (MB = 10^6 bytes), filed as user `shequ1` into 和平社区 (id %s) through `POST /api/v1/materials` (HTTP Basic)."
						+ " The client holds the files in memory; the server streams each part to a temp file, sniffs the type, hashes and copies it"
						+ " into the content-addressed store.", g("upload.seq.files"), g("meta.photo_dims"), mb, g("upload.unit_id")));
				line("");
				line("| what | files | MB | wall time | MB/s | ratio to plain Java write |");
				line("|---|---|---|---|---|---|");
				double plain = d("disk.plain_ms");
				line(String.format(Locale.ROOT, "| API, one material per photo, sequential | %s | %.1f | **%s** | **%s** | %s× |", g("upload.seq.files"), mb,
						s(d("upload.seq.total_ms")), f(d("upload.seq.mbps")), f(d("upload.seq.total_ms") / plain)));
				for (String one : List.of("upload.one", "upload.one49")) {
					if (!has(one + ".status")) {
						continue;
					}
					String what = String.format(Locale.ROOT, "API, %s files in one request (one material, %.1f MB request; limit 1 GB)", g(one + ".files"),
							d(one + ".request_bytes") / MB);
					if (has(one + ".total_ms")) {
						line(String.format(Locale.ROOT, "| %s | %s | %.1f | **%s** | **%s** | %s× |", what, g(one + ".files"), d(one + ".bytes") / MB,
								s(d(one + ".total_ms")), f(d(one + ".mbps")), f(d(one + ".total_ms") * d("disk.bytes") / d(one + ".bytes") / plain)));
					} else {
						line("| " + what + " | " + g(one + ".files") + " | " + String.format(Locale.ROOT, "%.1f", d(one + ".bytes") / MB) + " | refused after "
								+ s(d(one + ".ms")) + ": HTTP " + g(one + ".status") + " `" + g(one + ".error") + "` | – | – |");
					}
				}
				double db = d("disk.bytes") / MB;
				line(String.format(Locale.ROOT, "| plain Java `Files.write`, not synced (median of 3) | %s | %.1f | %s | %s | 1× |", g("disk.files"), db,
						s(plain), f(db / (plain / 1000))));
				line(String.format(Locale.ROOT, "| plain Java write + SHA-256 while writing, not synced (median of 3) | %s | %.1f | %s | %s | %s× |", g("disk.files"), db,
						s(d("disk.sha_ms")), f(db / (d("disk.sha_ms") / 1000)), f(d("disk.sha_ms") / plain)));
				line(String.format(Locale.ROOT, "| plain Java `FileChannel.write` + `force(true)` per file (synced) | %s | %.1f | %s | %s | %s× |", g("disk.files"), db,
						s(d("disk.synced_ms")), f(db / (d("disk.synced_ms") / 1000)), f(d("disk.synced_ms") / plain)));
				line("");
				if (has("upload.one.error")) {
					line("The one-request upload of all " + g("upload.one.files") + " photos is refused although it is far below the 1 GB request limit:"
							+ " Tomcat limits the number of multipart parts (Spring Boot's `server.tomcat.max-part-count`, default 50) and the `meta` part"
							+ " counts too, so at most 49 files fit in one request (also with tiny files), while the app allows `chuangwen.evidence.max-files=100`."
							+ " The error message blames the total size. The 49-file row shows the throughput of one big request"
							+ " (its ratio is scaled to the 50-file baseline by bytes).");
					line("");
				}
				line("Per sequential upload: first " + f(d("upload.seq.first_ms")) + " ms, median " + f(d("upload.seq.p50_ms")) + " ms, min "
						+ f(d("upload.seq.min_ms")) + " ms, max " + f(d("upload.seq.max_ms")) + " ms. Each API request also authenticates with HTTP Basic (bcrypt on the first call, then remembered for 5 minutes): `GET /api/v1/me` as shequ1 takes "
						+ f(d("upload.me_median_ms")) + " ms (median), i.e. ≈" + s(d("upload.me_median_ms") * d("upload.seq.files")) + " of the sequential total."
						+ " The app does not fsync; compare with the unsynced rows.");
				line("");
			}

			if (has("seed.ms") || has("readiness.api.p50_ms")) {
				line("## 3. Readiness of a street with " + g("seed.communities") + " communities × " + g("meta.per_community") + " materials");
				line("");
				if (has("seed.ms")) {
					line(String.format(Locale.ROOT, "Seeding (as admin): a new STREET under 示范区 and %s COMMUNITY units (%s), then %s materials through %s with %s parallel requests"
									+ " (kinds and indicators drawn from the catalog's %s indicator×kind pairs, each community covering 55–100%% of them; years 2009–2011;"
									+ " 1–2 indicators per material; files: %s; %.1f MB): **%s, %s materials/s** (per request p50 %s ms, p95 %s ms), %s errors;"
									+ " the API then counts %s materials under the street.",
							g("seed.communities"), s(d("seed.units_ms")), g("seed.materials"),
							g("seed.via").equals("form") ? "the upload page (`POST /materials`, logged-in session + CSRF header)" : "`POST /api/v1/materials` (HTTP Basic)",
							g("seed.parallel"), g("seed.pairs"), g("seed.types"), d("seed.bytes") / MB, s(d("seed.ms")), f(d("seed.per_s")),
							f(d("seed.req_p50_ms")), f(d("seed.req_p95_ms")), g("seed.errors"), g("seed.verified_total")));
					line("");
				}
				if (has("readiness.api.p50_ms")) {
					line("Then " + g("meta.warmup") + " warm-up requests and " + g("readiness.api.n") + " sequential requests each, one client, keep-alive, no gzip"
							+ " (street completeness " + f(d("readiness.completeness") * 100) + " %, " + g("readiness.communities") + " communities ranked):");
					line("");
					line("| request | auth | p50 | p95 | p99 | max | mean | sequential req/s | response |");
					line("|---|---|---|---|---|---|---|---|---|");
					row("`GET /api/v1/readiness?orgUnitId=" + g("seed.street_id") + "`", "HTTP Basic", "readiness.api", g("readiness.api_bytes") + " B JSON");
					row("`GET /readiness?unit=" + g("seed.street_id") + "` (dashboard page)", "session cookie", "readiness.page", g("readiness.page_bytes") + " B HTML, " + g("readiness.page_links") + " links");
					row("`GET /api/v1/me` (authentication alone, for comparison)", "HTTP Basic", "readiness.me", "");
					line("");
				}
				if (has("wrk.page.rps") || has("wrk.api.rps")) {
					line("Throughput with wrk (" + g("wrk.args") + "; wrk runs on the same 2 cores):");
					line("");
					line("| target | req/s | p50 | p90 | p99 | max | non-2xx |");
					line("|---|---|---|---|---|---|---|");
					for (String t : List.of("page", "api")) {
						if (has("wrk." + t + ".rps")) {
							line("| " + (t.equals("page") ? "dashboard page, session cookie" : "readiness API, HTTP Basic") + " | **" + g("wrk." + t + ".rps") + "** | "
									+ g("wrk." + t + ".p50") + " | " + g("wrk." + t + ".p90") + " | " + g("wrk." + t + ".p99") + " | " + g("wrk." + t + ".max") + " | "
									+ g("wrk." + t + ".non2xx") + " |");
						}
					}
					line("");
				}
			}

			if (has("export.photo_unit")) {
				exportSection();
			}

			if (has("activity.runs") || has("flow.activity")) {
				activitySection();
			}

			if (has("main.vmhwm")) {
				line("## Memory and storage");
				line("");
				line("- Peak RSS (VmHWM) of the JVM that served uploads, seeding and readiness: **" + g("main.vmhwm") + "** (VmRSS at the end " + g("main.vmrss") + ").");
				if (has("main.data_files")) {
					line("- Its data dir at the end: files " + g("main.data_files") + ", H2 database " + g("main.data_db") + ".");
				}
				line("");
			}
			line("Raw values: `bench/results/latest.kv` (from the same run).");
			return md.toString();
		}

		static String mb(double bytes) {
			return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.1f MB", bytes / MB);
		}

		void exportSection() {
			double boxBytes = d("box_files.bytes");
			double cpWarm = d("ref.cp_warm_ms");
			double cpCold = d("ref.cp_cold_ms");
			line("## 4. Export (issue 4)");
			line("");
			line(String.format(Locale.ROOT, "A new community (id %s) under 幸福街道 with **%s distinct photos** (%s, random noise as in measurement 2, EXIF time) in box"
							+ " Ⅲ-116, %s per material (%s materials): **%s** of originals, filed through `POST /api/v1/materials` in %s (%s MB/s)."
							+ " %s The app was then restarted on the same data dir (so the export JVM did nothing else) and the box exported with"
							+ " `POST /api/v1/exports {\"orgUnitId\":…,\"indicatorCodes\":[\"Ⅲ-116\"]}`, polled every 200 ms until DONE"
							+ " (wall time = request until the poll that sees DONE), while `jstat -gc <pid> 200` sampled the heap.",
					g("export.photo_unit"), g("export.photos"), g("meta.photo_dims"), g("meta.export_per_material"), g("export.photo_materials"),
					mb(d("export.photo_bytes")), s(d("export.photo_upload_ms")), f(d("export.photo_upload_mbps")),
					has("export.pdf_unit") ? String.format(Locale.ROOT, "For comparison a second community (id %s) holds in its box Ⅲ-116 %s valid PDFs"
							+ " (kind %s) of exactly the same sizes (random, incompressible payload): same bytes, but no photo pages.",
							g("export.pdf_unit"), g("export.pdf_files"), g("export.pdf_kind")) : ""));
			line("");
			line("| export | originals | wall time (request → DONE) | MB/s over the originals | × cp (warm) | × cp (cold) | documents first (of which photo pages) | then originals | peak heap used | VmHWM after | ZIP | other Maven JVMs running |");
			line("|---|---|---|---|---|---|---|---|---|---|---|---|");
			for (String[] e : List.of(new String[] {"box", "photo box Ⅲ-116, default heap", "box_files"},
					new String[] {"pdfbox", "PDF box Ⅲ-116 (same sizes, no photos), default heap", "pdfbox_files"},
					new String[] {"whole", "all " + g("whole.zip_boxes") + " boxes of the photo community, default heap", "whole_files"},
					new String[] {"box_small", "photo box Ⅲ-116, **" + g("export_small.jvm_opts").strip() + "**", "box_files"})) {
				String k = e[0];
				if (!has(k + ".state")) {
					continue;
				}
				double bytes = d(e[2] + ".bytes");
				if (!g(k + ".state").equals("DONE")) {
					line("| " + e[1] + " | " + mb(bytes) + " | **" + g(k + ".state") + "** " + g(k + ".error") + " | – | – | – | – | – | "
							+ f(d(k + ".heap_peak_used_mb")) + " MB | " + g(k + ".vmhwm_after_mb") + " MB | – | " + g(k + ".others_pct") + " % of the time |");
					continue;
				}
				double wall = d(k + ".wall_ms");
				String docs = has(k + ".documents_phase_ms") ? s(d(k + ".documents_phase_ms")) + " (" + g(k + ".zip_photo_page_docs") + " DOCX, "
						+ mb(d(k + ".zip_photo_page_bytes")) + ")" : "interleaved per box";
				String origs = has(k + ".originals_phase_ms") ? s(d(k + ".originals_phase_ms")) + " (" + f(d(k + ".originals_mbps")) + " MB/s)" : "–";
				line("| " + e[1] + " | " + g(e[2] + ".files") + " files, " + mb(bytes) + " | **" + s(wall) + "** | **" + f(bytes / MB / (wall / 1000))
						+ "** | " + f(wall / cpWarm) + "× | " + f(wall / cpCold) + "× | " + docs + " | " + origs + " | " + f(d(k + ".heap_peak_used_mb"))
						+ " MB (committed " + f(d(k + ".heap_committed_at_peak_mb")) + " MB) | " + g(k + ".vmhwm_after_mb") + " MB | " + mb(d(k + ".file_size"))
						+ ", " + g(k + ".entries") + " entries | " + g(k + ".others_pct") + " % of the time |");
			}
			line("");
			line("References on the same " + g("box_files.distinct_blobs") + " blob files of the photo box (" + mb(d("box_files.distinct_bytes"))
					+ ", listed via `GET /api/v1/materials?orgUnitId=…&indicatorCode=Ⅲ-116&size=200`, stored as `ab/cd/<sha256>`; nothing synced,"
					+ " like the export). Page cache dropped before the cold copy: " + g("ref.drop_caches") + ".");
			line("");
			line("| reference | time | MB/s |");
			line("|---|---|---|");
			if (has("ref.cp_cold_ms")) {
				line("| `cp` into a temp dir, cold page cache | " + s(cpCold) + " | " + f(boxBytes / MB / (cpCold / 1000)) + " |");
			}
			line("| `cp` into a temp dir, warm (median of 3: " + g("ref.cp_warm_all_ms") + " ms) | " + s(cpWarm) + " | " + f(boxBytes / MB / (cpWarm / 1000)) + " |");
			if (has("ref.zip0_ms")) {
				line("| `zip -0 -q -r` of the copied files (warm) | " + s(d("ref.zip0_ms")) + " | " + f(boxBytes / MB / (d("ref.zip0_ms") / 1000)) + " |");
			}
			line("| `sha256sum` of the blobs (warm) | " + s(d("ref.sha256sum_ms")) + " | " + f(boxBytes / MB / (d("ref.sha256sum_ms") / 1000)) + " |");
			line("");
			if (has("box.documents_phase_ms") && has("box.wall_ms")) {
				line(String.format(Locale.ROOT, "**Where the time goes (photo box).** The export writes a box's documents first (cover and spine, catalogue DOCX and XLSX,"
								+ " then the photo pages: every photo decoded, scaled to ≤1000 px at 4 per page or ≤1600 px at 2, re-encoded and embedded, %s photos per DOCX) and then copies"
								+ " the originals. Documents: %s for %s photos, ≈%.0f ms per photo; originals: %s. "
								+ (has("pdfbox.wall_ms") ? "The PDF box of the same bytes (no photo pages) takes %s in all, so the photo pages cost ≈%s of the photo box's %s." : "%s%s%s"),
						40, s(d("box.documents_phase_ms")), g("export.photos"), d("box.documents_phase_ms") / d("export.photos"),
						s(d("box.originals_phase_ms")), has("pdfbox.wall_ms") ? s(d("pdfbox.wall_ms")) : "",
						has("pdfbox.wall_ms") ? s(d("box.wall_ms") - d("pdfbox.wall_ms")) : "", has("pdfbox.wall_ms") ? s(d("box.wall_ms")) : ""));
				line("");
			}
			line("**Heap.** Peak used heap (eden + survivors + old, sampled by `jstat -gc` every 200 ms during the export; includes garbage not yet"
					+ " collected) — default heap: " + f(d("box.heap_peak_used_mb")) + " MB for the photo box (" + g("box.gcs_during") + ")"
					+ (has("pdfbox.heap_peak_used_mb") ? ", " + f(d("pdfbox.heap_peak_used_mb")) + " MB for the PDF box" : "")
					+ (has("whole.heap_peak_used_mb") ? ", " + f(d("whole.heap_peak_used_mb")) + " MB for all boxes" : "") + "; the GC log of that"
					+ " JVM (startup and its exports) shows at most " + g("export.gclog_max_after_mb") + " MB in use after a collection (max "
					+ g("export.gclog_max_before_mb") + " MB before one, " + g("export.gclog_pauses") + " pauses). Peak RSS of that JVM: " + g("export.vmhwm")
					+ " (" + g("box.vmhwm_before_mb") + " MB after start, " + g("box.vmhwm_after_mb") + " MB after the photo box).");
			if (has("box_small.state")) {
				line("With **" + g("export_small.jvm_opts").strip() + "** (" + g("export_small.max_heap") + ") the same export ended **" + g("box_small.state") + "**"
						+ (g("box_small.state").equals("DONE") ? " in " + s(d("box_small.wall_ms")) : "") + ": peak used " + f(d("box_small.heap_peak_used_mb"))
						+ " MB, old generation at most " + f(d("box_small.heap_peak_old_mb")) + " MB, " + g("box_small.gcs_during") + "; GC log: at most "
						+ g("export_small.gclog_max_after_mb") + " MB after a collection; peak RSS " + g("exportsmall.vmhwm") + ".");
			}
			line("");
			if (has("whole.file_size")) {
				double zip = d("whole.file_size");
				double orig = d("whole_files.bytes");
				line("**Size of the whole community's export.** " + g("whole_files.materials") + " materials with " + g("whole_files.files")
						+ " files (the photo box plus one small real file per indicator × kind of every other box), sum of the original file sizes from the API: "
						+ mb(orig) + ". ZIP: **" + mb(zip) + "** = " + String.format(Locale.ROOT, "%.2f", zip / orig) + "× the originals, "
						+ g("whole.entries") + " entries in " + g("whole.zip_boxes") + " box folders:");
				line("");
				line("| part | bytes | share of the ZIP |");
				line("|---|---|---|");
				line("| originals (" + g("whole.zip_originals") + " entries; " + g("whole.zip_original_methods") + ") | " + mb(d("whole.zip_original_bytes"))
						+ String.format(Locale.ROOT, " (+%.0f KB deflate framing) | %.1f %% |", (d("whole.zip_original_compressed_bytes") - d("whole.zip_original_bytes")) / 1000,
						100 * d("whole.zip_original_compressed_bytes") / zip));
				line(String.format(Locale.ROOT, "| generated documents (%s: covers, catalogues DOCX+XLSX, %s photo-page DOCX) | %s (photo pages %s) | %.1f %% |",
						g("whole.zip_generated_docs"), g("whole.zip_photo_page_docs"), mb(d("whole.zip_generated_bytes")), mb(d("whole.zip_photo_page_bytes")),
						100 * d("whole.zip_generated_bytes") / zip));
				line(String.format(Locale.ROOT, "| `manifest.sha256` | %.0f KB | %.2f %% |", d("whole.zip_manifest_bytes") / 1000, 100 * d("whole.zip_manifest_bytes") / zip));
				line(String.format(Locale.ROOT, "| ZIP headers, data descriptors, central directory | %.0f KB | %.2f %% |", d("whole.zip_structure_bytes") / 1000,
						100 * d("whole.zip_structure_bytes") / zip));
				line("");
			}
			line("**Verification** (each downloaded ZIP: extracted with Python's `zipfile`, then `sha256sum -c manifest.sha256`; `unzip -t`; fetched whole and"
					+ " again as two `Range` halves, compared byte for byte with the whole download; the whole download compared with the file on the server):");
			line("");
			line("| export | `sha256sum -c` | `unzip -t` | Range halves | download | names kept by Info-ZIP `unzip` |");
			line("|---|---|---|---|---|---|");
			for (String k : List.of("box", "pdfbox", "whole", "box_small")) {
				if (!has(k + ".sha256sum_ok")) {
					continue;
				}
				line("| " + k + " | **" + g(k + ".sha256sum_ok") + " OK, " + g(k + ".sha256sum_failed") + " failed** (" + g(k + ".extracted_files")
						+ " files extracted) | " + g(k + ".unzip_t").replaceAll(" of /\\S+", "") + " | "
						+ (g(k + ".range").matches("OK 206 .*identical\\); OK 206 .*identical\\)") ? "206 + 206, both halves identical" : g(k + ".range")) + " | "
						+ s(d(k + ".download_ms")) + " (" + f(d(k + ".download_mbps")) + " MB/s), " + g(k + ".download_vs_server_file") + " | "
						+ g(k + ".infozip_names").replace(" listed unchanged by Info-ZIP unzip", "") + " |");
			}
			line("");
		}

		void activitySection() {
			line("## 5. Activities (issue 3)");
			line("");
			if (has("activity.runs")) {
				int runs = Integer.parseInt(g("activity.runs"));
				String n = g("activity.photos");
				line("Each run: as `admin` a fresh COMMUNITY under " + g("activity.street") + "; as `" + g("activity.writer") + "` (the street office) an activity"
						+ " of category 我们的节日 with explicit `indicatorCodes` Ⅲ-29, Ⅲ-25, Ⅲ-117 (" + g("activity.catalog") + "), held yesterday 09:00–11:00;"
						+ " `GET /api/v1/readiness?orgUnitId=<community>` checked: 图片 absent in all three boxes. Then, timed, " + n + " distinct "
						+ g("meta.photo_dims") + " JPEGs with EXIF time (" + g("activity.photo_mb_avg") + " MB each, random noise as in measurement 2) to"
						+ " `POST /api/v1/activities/{id}/materials` (`meta` `{\"stage\":\"photos\",…}`), and readiness polled back to back right after the"
						+ " response until 图片 is present in all three boxes. **one request**: all " + n + " photos in one request; **one per photo**: "
						+ n + " sequential requests of one photo each, on another fresh community (readiness polled after the first response; the"
						+ " poll is not counted in the total). The two variants alternate, each run on its own community and with its own photos."
						+ " Before each timed part the helper waited for the machine to be < 25 % busy (`BENCH_WAIT_IDLE`) and sampled every 250 ms"
						+ " whether Maven/surefire JVMs ran.");
				line("");
				line("| run | one request: wall | MB/s | → 图片 in all 3 boxes | polls | one per photo: total | MB/s | per request p50 / max | → 图片 in all 3 (after photo 1) | polls | busy before | other Maven JVMs during the timed part |");
				line("|---|---|---|---|---|---|---|---|---|---|---|---|");
				for (int r = 1; r <= runs; r++) {
					String o = "activity.one." + r;
					String q = "activity.seq." + r;
					line("| " + r + " | **" + f(d(o + ".ms")) + " ms** | " + f(d(o + ".mbps")) + " | " + f(d(o + ".ready_ms")) + " ms | " + g(o + ".polls") + " | **"
							+ f(d(q + ".ms")) + " ms** | " + f(d(q + ".mbps")) + " | " + f(d(q + ".p50_ms")) + " / " + f(d(q + ".max_ms")) + " ms | "
							+ f(d(q + ".ready_ms")) + " ms | " + g(q + ".polls") + " | " + g(o + ".busy_before") + " % / " + g(q + ".busy_before") + " % | "
							+ shortOthers(g(o + ".others_running")) + " / " + shortOthers(g(q + ".others_running")) + " |");
				}
				line("| **median** | **" + f(d("activity.one.median_ms")) + " ms** | **" + f(d("activity.one.median_mbps")) + "** | **"
						+ f(d("activity.one.median_ready_ms")) + " ms** | 图片 present on the first poll: " + g("activity.one.first_poll") + " | **"
						+ f(d("activity.seq.median_ms")) + " ms** | **" + f(d("activity.seq.median_mbps")) + "** | | " + f(d("activity.seq.median_ready_ms"))
						+ " ms | first poll: " + g("activity.seq.first_poll") + " | | |");
				line("");
				line("- Checked after every run: " + g("activity.one.1.verified") + " (one request) / " + g("activity.seq.1.verified") + " (one per photo).");
				line("- One readiness GET of such a community: p50 " + f(d("activity.readiness_get_p50_ms")) + " ms, max " + f(d("activity.readiness_get_max_ms"))
						+ " ms (HTTP Basic, password remembered). The \"→ 图片\" column is request + poll(s), from the start of the upload.");
				if (has("activity.warmup")) {
					line("- Warm-up before run 1: " + g("activity.warmup") + ".");
				}
				line("- Maven/surefire JVMs during the whole photo phase (run.sh sampler, every 2 s): " + g("activity.others_pct") + " % of the time.");
				if (has("activity.future_stage_probe")) {
					line("- Probe: " + g("activity.future_stage_probe") + ".");
				}
				line("");
			}
			if (has("flow.activity")) {
				line("### Fields typed per activity, plan to briefing");
				line("");
				line("One activity taken through the pages as a worker and residents do (`Bench.java activityflow`): the plan form opened from the"
						+ " festival calendar (" + g("flow.festival") + "; `GET /activities/new?festival=…&date=…`, form parsed), submitted with the typed facts"
						+ " (`POST /activities`, times moved to now so that check-in is open), 4 people checking in on the public page `/c/{code}` (no login),"
						+ " 4 photos through the stage form (stage pre-selected, title left empty), then the buttons 生成方案并归档 and 生成签到表并归档 and the"
						+ " links 简报草稿 and 总结草稿. Every generated document was then searched for every fact.");
				line("");
				line("- Plan form controls (parsed from the page): " + g("flow.form.fields") + ".");
				line("- Required: " + g("flow.form.required") + ". Left empty by the page — **blank form**: " + g("flow.form.required_empty_blank")
						+ "; **from the festival calendar**: " + g("flow.form.required_empty_festival") + ".");
				line("- Pre-filled, blank form: " + g("flow.form.blank_prefilled") + ". From the festival calendar: " + g("flow.form.festival_prefilled") + ".");
				line("- Stage upload form: " + g("flow.stage_form.fields") + ". Briefing: " + g("flow.briefing_form.fields") + ". Resident check-in page: "
						+ g("flow.checkin_form.fields") + ".");
				line("- Activity: " + g("flow.activity") + "; stages filed: " + g("flow.stages_done") + "; boxes afterwards: " + g("flow.boxes_after") + ".");
				line("- Stage materials (metadata filled from the plan, nothing typed): " + g("flow.stage_materials") + ".");
				if (has("flow.photo_caption")) {
					line("- Photo caption after filing (DA/T 50 fields, from the material API): " + g("flow.photo_caption") + ".");
				}
				line("");
				line("| fact | typed where | control | typed how many times | plan DOCX | attendance sheet | briefing | summary | check-in page |");
				line("|---|---|---|---|---|---|---|---|---|");
				String[][] rows = {
						{"title", "活动名称", "plan form", "text, required", "**1** (0 from the festival calendar: pre-filled)"},
						{"category", "类别", "plan form", "select of " + g("flow.form.categories") + ", required", "0 (chosen; pre-filled from the festival)"},
						{"indicators", "服务的测评指标", "plan form", g("flow.form.indicator_boxes") + " check boxes", "0 (ticked; pre-ticked from the category)"},
						{"unit", "组织单位", "plan form", "select, pre-selected", "0"},
						{"date", "日期", "plan form", "the date part of 开始 (datetime-local)", "0 (pre-filled: festival day, or a week ahead)"},
						{"start_time", "开始/结束时间", "plan form", "2 × datetime-local", "0–2 (pre-filled 09:00–11:00)"},
						{"place", "地点", "plan form", "text, required", "**1**"},
						{"organizer", "组织者", "plan form", "text, optional", "0–1"},
						{"expected", "预计人数", "plan form", "number, optional", "0–1"},
						{"volunteers_needed", "需要志愿者", "plan form", "number, optional", "0–1"},
						{"target_groups", "服务对象", "plan form", "text with 5 suggestions, optional", "0–1"},
						{"description", "活动内容", "plan form", "textarea, optional", "0–1"},
						{"participant_names", "参加人姓名、电话", "residents' phones, `/c/{code}`", "name + phone typed, role one tap", "2 per person, by the person (0 by the worker)"},
						{"attended_count", "参加人数", "—", "counted from the check-ins", "0"},
						{"photos", "照片", "stage form", "stage pre-selected, title optional, files picked", "0 (title left empty → “<title>·图片”)"},
				};
				for (String[] row : rows) {
					StringBuilder b = new StringBuilder("| " + row[1] + " | " + row[2] + " | " + row[3] + " | " + row[4]);
					for (String doc : List.of("plan", "attendance", "briefing", "summary", "checkin_page")) {
						String v = g("flow.fact." + row[0] + "." + doc);
						b.append(" | ").append(v.equals("yes") ? "✓" : v.equals("no") ? "–" : v);
					}
					line(b.append(" |").toString());
				}
				line("| plan DOCX, attendance sheet | — | one button each | 0 | | | | | |");
				line("| briefing, summary drafts | — | one link each | 0 (drafts to edit; the summary leaves 成效 and 不足 to write) | | | | | |");
				line("");
				line("Typed at plan time: " + g("flow.typed") + ". Phones in the attendance sheet masked: " + g("flow.attendance_phones_masked")
						+ "; briefing via the API identical to the page's: " + g("flow.briefing_api_same_text") + ".");
				line("");
			}
		}

		static String shortOthers(String v) {
			return v.startsWith("yes") ? v.replaceAll("^yes, (\\d+) of (\\d+) samples.*", "yes ($1/$2)") : v;
		}

		void row(String what, String auth, String key, String size) {
			line("| " + what + " | " + auth + " | **" + f(d(key + ".p50_ms")) + " ms** | " + f(d(key + ".p95_ms")) + " ms | " + f(d(key + ".p99_ms")) + " ms | "
					+ f(d(key + ".max_ms")) + " ms | " + f(d(key + ".mean_ms")) + " ms | " + f(d(key + ".seq_rps")) + " | " + size + " |");
		}
	}
}
