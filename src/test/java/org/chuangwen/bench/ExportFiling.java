package org.chuangwen.bench;

import static org.chuangwen.bench.ApiClient.*;
import static org.chuangwen.bench.Photos.*;
import static org.chuangwen.bench.Results.*;
import static org.chuangwen.bench.SampleFiles.*;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** What the export scenario measures on: a ≈1 GB photo box, its PDF twin, small files in every other box. */
final class ExportFiling {

	static final String EXPORT_BOX = "Ⅲ-116";

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
		ApiClient api = new ApiClient(a[0], a[1], a[2]);
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
		ApiClient writer = new ApiClient(a[0], office[0], office[1]);
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
			body.json("meta", Json.meta(photoUnit, "图片", "导出压测照片 第" + (from / per + 1) + "组", "2010-06-01", List.of(EXPORT_BOX)));
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
				body.json("meta", Json.meta(pdfUnit, kind, "导出对照文件 第" + (from / per + 1) + "组", "2010-06-01", List.of(EXPORT_BOX)));
				for (int i = from; i < to; i++) {
					byte[] b = SampleFiles.pdfWithPayload("导出对照文件 " + (i + 1), "export pdf " + pdfUnit + "/" + i, sizes.get(i),
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
						case "docx" -> SampleFiles.docx(title, tag);
						case "xlsx" -> SampleFiles.xlsx(title, tag);
						default -> SampleFiles.pdf(title, tag);
					};
					Multipart body = new Multipart();
					body.json("meta", Json.meta(photoUnit, kind, title, "2010-0" + (1 + n % 9) + "-15", List.of(e.getKey())));
					body.file("file", "extra-" + n + "." + type, SampleFiles.contentType(type), file);
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
		ApiClient api = new ApiClient(a[0], a[1], a[2]);
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
}
