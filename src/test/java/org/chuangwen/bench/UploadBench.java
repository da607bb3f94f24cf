package org.chuangwen.bench;

import static org.chuangwen.bench.Photos.*;
import static org.chuangwen.bench.Report.*;
import static org.chuangwen.bench.Results.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Measurement 2: photos filed through the API, one per request and all in one, against plain Java writes.
 *
 * <pre>
 * photos    DIR COUNT WIDTH HEIGHT QUALITY SEED      distinct random-noise JPEGs (with EXIF DateTimeOriginal)
 * diskwrite SRCDIR OUTDIR                            plain-Java write of the same bytes (unsynced, +SHA-256, fsynced)
 * upload    BASE USER PASS UNIT_NAME DIR_A DIR_B     one material per photo (DIR_A), then all of DIR_B in one request
 * </pre>
 */
final class UploadBench {

	public static void main(String[] args) throws Exception {
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		switch (args.length == 0 ? "" : args[0]) {
			case "photos" -> photos(rest);
			case "diskwrite" -> diskwrite(rest);
			case "upload" -> upload(rest);
			default -> {
				System.err.println("usage: UploadBench photos|diskwrite|upload …");
				System.exit(2);
			}
		}
	}

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
		ApiClient api = new ApiClient(base, a[1], a[2]);
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
			body.json("meta", Json.meta(unitId, "图片", "压测照片 " + (i + 1), "2010-05-01", List.of("Ⅲ-116")));
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

	static boolean oneRequest(String label, ApiClient api, long unitId, List<Path> names, List<byte[]> contents) throws Exception {
		Multipart one = new Multipart();
		one.json("meta", Json.meta(unitId, "图片", "压测照片合集 " + names.size(), "2010-05-01", List.of("Ⅲ-116")));
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

	/** This scenario's section of the report. */
	static void report(Report r) {
		double mb = r.d("upload.seq.bytes") / MB;
		r.line("## 2. Uploading 50 photos of ≈3 MB");
		r.line("");
		r.line(String.format(Locale.ROOT, "%s distinct random-noise JPEGs (%s, real JPEG content with an EXIF DateTimeOriginal), %.1f MB in all"
				+ " (MB = 10^6 bytes), filed as user `shequ1` into 和平社区 (id %s) through `POST /api/v1/materials` (HTTP Basic)."
				+ " The client holds the files in memory; the server streams each part to a temp file, sniffs the type, hashes and copies it"
				+ " into the content-addressed store.", r.g("upload.seq.files"), r.g("meta.photo_dims"), mb, r.g("upload.unit_id")));
		r.line("");
		r.line("| what | files | MB | wall time | MB/s | ratio to plain Java write |");
		r.line("|---|---|---|---|---|---|");
		double plain = r.d("disk.plain_ms");
		r.line(String.format(Locale.ROOT, "| API, one material per photo, sequential | %s | %.1f | **%s** | **%s** | %s× |", r.g("upload.seq.files"), mb,
				s(r.d("upload.seq.total_ms")), f(r.d("upload.seq.mbps")), f(r.d("upload.seq.total_ms") / plain)));
		for (String one : List.of("upload.one", "upload.one49")) {
			if (!r.has(one + ".status")) {
				continue;
			}
			String what = String.format(Locale.ROOT, "API, %s files in one request (one material, %.1f MB request; limit 1 GB)", r.g(one + ".files"),
					r.d(one + ".request_bytes") / MB);
			if (r.has(one + ".total_ms")) {
				r.line(String.format(Locale.ROOT, "| %s | %s | %.1f | **%s** | **%s** | %s× |", what, r.g(one + ".files"), r.d(one + ".bytes") / MB,
						s(r.d(one + ".total_ms")), f(r.d(one + ".mbps")), f(r.d(one + ".total_ms") * r.d("disk.bytes") / r.d(one + ".bytes") / plain)));
			} else {
				r.line("| " + what + " | " + r.g(one + ".files") + " | " + String.format(Locale.ROOT, "%.1f", r.d(one + ".bytes") / MB) + " | refused after "
						+ s(r.d(one + ".ms")) + ": HTTP " + r.g(one + ".status") + " `" + r.g(one + ".error") + "` | – | – |");
			}
		}
		double db = r.d("disk.bytes") / MB;
		r.line(String.format(Locale.ROOT, "| plain Java `Files.write`, not synced (median of 3) | %s | %.1f | %s | %s | 1× |", r.g("disk.files"), db,
				s(plain), f(db / (plain / 1000))));
		r.line(String.format(Locale.ROOT, "| plain Java write + SHA-256 while writing, not synced (median of 3) | %s | %.1f | %s | %s | %s× |", r.g("disk.files"), db,
				s(r.d("disk.sha_ms")), f(db / (r.d("disk.sha_ms") / 1000)), f(r.d("disk.sha_ms") / plain)));
		r.line(String.format(Locale.ROOT, "| plain Java `FileChannel.write` + `force(true)` per file (synced) | %s | %.1f | %s | %s | %s× |", r.g("disk.files"), db,
				s(r.d("disk.synced_ms")), f(db / (r.d("disk.synced_ms") / 1000)), f(r.d("disk.synced_ms") / plain)));
		r.line("");
		if (r.has("upload.one.error")) {
			r.line("The one-request upload of all " + r.g("upload.one.files") + " photos is refused although it is far below the 1 GB request limit:"
					+ " Tomcat limits the number of multipart parts (Spring Boot's `server.tomcat.max-part-count`, default 50) and the `meta` part"
					+ " counts too, so at most 49 files fit in one request (also with tiny files), while the app allows `chuangwen.evidence.max-files=100`."
					+ " The error message blames the total size. The 49-file row shows the throughput of one big request"
					+ " (its ratio is scaled to the 50-file baseline by bytes).");
			r.line("");
		}
		r.line("Per sequential upload: first " + f(r.d("upload.seq.first_ms")) + " ms, median " + f(r.d("upload.seq.p50_ms")) + " ms, min "
				+ f(r.d("upload.seq.min_ms")) + " ms, max " + f(r.d("upload.seq.max_ms")) + " ms. Each API request also authenticates with HTTP Basic (bcrypt on the first call, then remembered for 5 minutes): `GET /api/v1/me` as shequ1 takes "
				+ f(r.d("upload.me_median_ms")) + " ms (median), i.e. ≈" + s(r.d("upload.me_median_ms") * r.d("upload.seq.files")) + " of the sequential total."
				+ " The app does not fsync; compare with the unsynced rows.");
		r.line("");
	}
}
