package org.chuangwen.bench;

import static org.chuangwen.bench.ExportFiling.*;
import static org.chuangwen.bench.Machine.*;
import static org.chuangwen.bench.Report.*;
import static org.chuangwen.bench.Results.*;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

/**
 * Measurement 4 (opt-in): the ZIP export of a box and of a whole community, heap and download checks.
 *
 * <pre>
 * seed      BASE USER PASS STREET MB PER_MATERIAL WIDTH HEIGHT QUALITY PDF(0|1) EXTRAS(0|1)
 *                                                  a community with ≈MB of photos in box Ⅲ-116 (+ PDF twin, + small files)
 * blobs     BASE USER PASS UNIT_ID CODE|- STORE_ROOT OUT_LIST LABEL   the unit's stored blob files, from the API
 * export    BASE USER PASS UNIT_ID CODES|all LABEL APP_PID APP_LOG OUT_DIR SERVER_EXPORT_DIR
 *                                                  export, poll to DONE (jstat heap), download, Range halves, anatomy
 * gclog     GC_LOG LABEL                           max heap before/after collections from -Xlog:gc
 * </pre>
 */
final class ExportBench {

	public static void main(String[] args) throws Exception {
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		switch (args.length == 0 ? "" : args[0]) {
			case "seed" -> exportSeed(rest);
			case "blobs" -> blobs(rest);
			case "export" -> export(rest);
			case "gclog" -> JvmHeap.gcLog(rest);
			default -> {
				System.err.println("usage: ExportBench seed|blobs|export|gclog …");
				System.exit(2);
			}
		}
	}

	/**
	 * Asks for an export (box codes, comma-separated, or "all"), polls it every 200 ms until DONE while jstat samples
	 * the app's heap every 200 ms, then downloads the ZIP (to OUT_DIR/LABEL.zip), fetches it again as two Range
	 * halves and compares the bytes, and takes the ZIP apart (generated documents, originals, timestamps).
	 */
	static void export(String[] a) throws Exception {
		ApiClient api = new ApiClient(a[0], a[1], a[2]);
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
		JvmHeap.heapFromJstat(label, jstatOut);
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

	static String rangeCheck(ApiClient api, String url, String range, long from, long to, long size, Path whole) throws Exception {
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

	/** This scenario's section of the report. */
	static void report(Report r) {
		double boxBytes = r.d("box_files.bytes");
		double cpWarm = r.d("ref.cp_warm_ms");
		double cpCold = r.d("ref.cp_cold_ms");
		r.line("## 4. Export (issue 4)");
		r.line("");
		r.line(String.format(Locale.ROOT, "A new community (id %s) under 幸福街道 with **%s distinct photos** (%s, random noise as in measurement 2, EXIF time) in box"
						+ " Ⅲ-116, %s per material (%s materials): **%s** of originals, filed through `POST /api/v1/materials` in %s (%s MB/s)."
						+ " %s The app was then restarted on the same data dir (so the export JVM did nothing else) and the box exported with"
						+ " `POST /api/v1/exports {\"orgUnitId\":…,\"indicatorCodes\":[\"Ⅲ-116\"]}`, polled every 200 ms until DONE"
						+ " (wall time = request until the poll that sees DONE), while `jstat -gc <pid> 200` sampled the heap.",
				r.g("export.photo_unit"), r.g("export.photos"), r.g("meta.photo_dims"), r.g("meta.export_per_material"), r.g("export.photo_materials"),
				mb(r.d("export.photo_bytes")), s(r.d("export.photo_upload_ms")), f(r.d("export.photo_upload_mbps")),
				r.has("export.pdf_unit") ? String.format(Locale.ROOT, "For comparison a second community (id %s) holds in its box Ⅲ-116 %s valid PDFs"
						+ " (kind %s) of exactly the same sizes (random, incompressible payload): same bytes, but no photo pages.",
						r.g("export.pdf_unit"), r.g("export.pdf_files"), r.g("export.pdf_kind")) : ""));
		r.line("");
		r.line("| export | originals | wall time (request → DONE) | MB/s over the originals | × cp (warm) | × cp (cold) | documents first (of which photo pages) | then originals | peak heap used | VmHWM after | ZIP | other Maven JVMs running |");
		r.line("|---|---|---|---|---|---|---|---|---|---|---|---|");
		for (String[] e : List.of(new String[] {"box", "photo box Ⅲ-116, default heap", "box_files"},
				new String[] {"pdfbox", "PDF box Ⅲ-116 (same sizes, no photos), default heap", "pdfbox_files"},
				new String[] {"whole", "all " + r.g("whole.zip_boxes") + " boxes of the photo community, default heap", "whole_files"},
				new String[] {"box_small", "photo box Ⅲ-116, **" + r.g("export_small.jvm_opts").strip() + "**", "box_files"})) {
			String k = e[0];
			if (!r.has(k + ".state")) {
				continue;
			}
			double bytes = r.d(e[2] + ".bytes");
			if (!r.g(k + ".state").equals("DONE")) {
				r.line("| " + e[1] + " | " + mb(bytes) + " | **" + r.g(k + ".state") + "** " + r.g(k + ".error") + " | – | – | – | – | – | "
						+ f(r.d(k + ".heap_peak_used_mb")) + " MB | " + r.g(k + ".vmhwm_after_mb") + " MB | – | " + r.g(k + ".others_pct") + " % of the time |");
				continue;
			}
			double wall = r.d(k + ".wall_ms");
			String docs = r.has(k + ".documents_phase_ms") ? s(r.d(k + ".documents_phase_ms")) + " (" + r.g(k + ".zip_photo_page_docs") + " DOCX, "
					+ mb(r.d(k + ".zip_photo_page_bytes")) + ")" : "interleaved per box";
			String origs = r.has(k + ".originals_phase_ms") ? s(r.d(k + ".originals_phase_ms")) + " (" + f(r.d(k + ".originals_mbps")) + " MB/s)" : "–";
			r.line("| " + e[1] + " | " + r.g(e[2] + ".files") + " files, " + mb(bytes) + " | **" + s(wall) + "** | **" + f(bytes / MB / (wall / 1000))
					+ "** | " + f(wall / cpWarm) + "× | " + f(wall / cpCold) + "× | " + docs + " | " + origs + " | " + f(r.d(k + ".heap_peak_used_mb"))
					+ " MB (committed " + f(r.d(k + ".heap_committed_at_peak_mb")) + " MB) | " + r.g(k + ".vmhwm_after_mb") + " MB | " + mb(r.d(k + ".file_size"))
					+ ", " + r.g(k + ".entries") + " entries | " + r.g(k + ".others_pct") + " % of the time |");
		}
		r.line("");
		r.line("References on the same " + r.g("box_files.distinct_blobs") + " blob files of the photo box (" + mb(r.d("box_files.distinct_bytes"))
				+ ", listed via `GET /api/v1/materials?orgUnitId=…&indicatorCode=Ⅲ-116&size=200`, stored as `ab/cd/<sha256>`; nothing synced,"
				+ " like the export). Page cache dropped before the cold copy: " + r.g("ref.drop_caches") + ".");
		r.line("");
		r.line("| reference | time | MB/s |");
		r.line("|---|---|---|");
		if (r.has("ref.cp_cold_ms")) {
			r.line("| `cp` into a temp dir, cold page cache | " + s(cpCold) + " | " + f(boxBytes / MB / (cpCold / 1000)) + " |");
		}
		r.line("| `cp` into a temp dir, warm (median of 3: " + r.g("ref.cp_warm_all_ms") + " ms) | " + s(cpWarm) + " | " + f(boxBytes / MB / (cpWarm / 1000)) + " |");
		if (r.has("ref.zip0_ms")) {
			r.line("| `zip -0 -q -r` of the copied files (warm) | " + s(r.d("ref.zip0_ms")) + " | " + f(boxBytes / MB / (r.d("ref.zip0_ms") / 1000)) + " |");
		}
		r.line("| `sha256sum` of the blobs (warm) | " + s(r.d("ref.sha256sum_ms")) + " | " + f(boxBytes / MB / (r.d("ref.sha256sum_ms") / 1000)) + " |");
		r.line("");
		if (r.has("box.documents_phase_ms") && r.has("box.wall_ms")) {
			r.line(String.format(Locale.ROOT, "**Where the time goes (photo box).** The export writes a box's documents first (cover and spine, catalogue DOCX and XLSX,"
							+ " then the photo pages: every photo decoded, scaled to ≤1000 px at 4 per page or ≤1600 px at 2, re-encoded and embedded, %s photos per DOCX) and then copies"
							+ " the originals. Documents: %s for %s photos, ≈%.0f ms per photo; originals: %s. "
							+ (r.has("pdfbox.wall_ms") ? "The PDF box of the same bytes (no photo pages) takes %s in all, so the photo pages cost ≈%s of the photo box's %s." : "%s%s%s"),
					40, s(r.d("box.documents_phase_ms")), r.g("export.photos"), r.d("box.documents_phase_ms") / r.d("export.photos"),
					s(r.d("box.originals_phase_ms")), r.has("pdfbox.wall_ms") ? s(r.d("pdfbox.wall_ms")) : "",
					r.has("pdfbox.wall_ms") ? s(r.d("box.wall_ms") - r.d("pdfbox.wall_ms")) : "", r.has("pdfbox.wall_ms") ? s(r.d("box.wall_ms")) : ""));
			r.line("");
		}
		r.line("**Heap.** Peak used heap (eden + survivors + old, sampled by `jstat -gc` every 200 ms during the export; includes garbage not yet"
				+ " collected) — default heap: " + f(r.d("box.heap_peak_used_mb")) + " MB for the photo box (" + r.g("box.gcs_during") + ")"
				+ (r.has("pdfbox.heap_peak_used_mb") ? ", " + f(r.d("pdfbox.heap_peak_used_mb")) + " MB for the PDF box" : "")
				+ (r.has("whole.heap_peak_used_mb") ? ", " + f(r.d("whole.heap_peak_used_mb")) + " MB for all boxes" : "") + "; the GC log of that"
				+ " JVM (startup and its exports) shows at most " + r.g("export.gclog_max_after_mb") + " MB in use after a collection (max "
				+ r.g("export.gclog_max_before_mb") + " MB before one, " + r.g("export.gclog_pauses") + " pauses). Peak RSS of that JVM: " + r.g("export.vmhwm")
				+ " (" + r.g("box.vmhwm_before_mb") + " MB after start, " + r.g("box.vmhwm_after_mb") + " MB after the photo box).");
		if (r.has("box_small.state")) {
			r.line("With **" + r.g("export_small.jvm_opts").strip() + "** (" + r.g("export_small.max_heap") + ") the same export ended **" + r.g("box_small.state") + "**"
					+ (r.g("box_small.state").equals("DONE") ? " in " + s(r.d("box_small.wall_ms")) : "") + ": peak used " + f(r.d("box_small.heap_peak_used_mb"))
					+ " MB, old generation at most " + f(r.d("box_small.heap_peak_old_mb")) + " MB, " + r.g("box_small.gcs_during") + "; GC log: at most "
					+ r.g("export_small.gclog_max_after_mb") + " MB after a collection; peak RSS " + r.g("exportsmall.vmhwm") + ".");
		}
		r.line("");
		if (r.has("whole.file_size")) {
			double zip = r.d("whole.file_size");
			double orig = r.d("whole_files.bytes");
			r.line("**Size of the whole community's export.** " + r.g("whole_files.materials") + " materials with " + r.g("whole_files.files")
					+ " files (the photo box plus one small real file per indicator × kind of every other box), sum of the original file sizes from the API: "
					+ mb(orig) + ". ZIP: **" + mb(zip) + "** = " + String.format(Locale.ROOT, "%.2f", zip / orig) + "× the originals, "
					+ r.g("whole.entries") + " entries in " + r.g("whole.zip_boxes") + " box folders:");
			r.line("");
			r.line("| part | bytes | share of the ZIP |");
			r.line("|---|---|---|");
			r.line("| originals (" + r.g("whole.zip_originals") + " entries; " + r.g("whole.zip_original_methods") + ") | " + mb(r.d("whole.zip_original_bytes"))
					+ String.format(Locale.ROOT, " (+%.0f KB deflate framing) | %.1f %% |", (r.d("whole.zip_original_compressed_bytes") - r.d("whole.zip_original_bytes")) / 1000,
					100 * r.d("whole.zip_original_compressed_bytes") / zip));
			r.line(String.format(Locale.ROOT, "| generated documents (%s: covers, catalogues DOCX+XLSX, %s photo-page DOCX) | %s (photo pages %s) | %.1f %% |",
					r.g("whole.zip_generated_docs"), r.g("whole.zip_photo_page_docs"), mb(r.d("whole.zip_generated_bytes")), mb(r.d("whole.zip_photo_page_bytes")),
					100 * r.d("whole.zip_generated_bytes") / zip));
			r.line(String.format(Locale.ROOT, "| `manifest.sha256` | %.0f KB | %.2f %% |", r.d("whole.zip_manifest_bytes") / 1000, 100 * r.d("whole.zip_manifest_bytes") / zip));
			r.line(String.format(Locale.ROOT, "| ZIP headers, data descriptors, central directory | %.0f KB | %.2f %% |", r.d("whole.zip_structure_bytes") / 1000,
					100 * r.d("whole.zip_structure_bytes") / zip));
			r.line("");
		}
		r.line("**Verification** (each downloaded ZIP: extracted with Python's `zipfile`, then `sha256sum -c manifest.sha256`; `unzip -t`; fetched whole and"
				+ " again as two `Range` halves, compared byte for byte with the whole download; the whole download compared with the file on the server):");
		r.line("");
		r.line("| export | `sha256sum -c` | `unzip -t` | Range halves | download | names kept by Info-ZIP `unzip` |");
		r.line("|---|---|---|---|---|---|");
		for (String k : List.of("box", "pdfbox", "whole", "box_small")) {
			if (!r.has(k + ".sha256sum_ok")) {
				continue;
			}
			r.line("| " + k + " | **" + r.g(k + ".sha256sum_ok") + " OK, " + r.g(k + ".sha256sum_failed") + " failed** (" + r.g(k + ".extracted_files")
					+ " files extracted) | " + r.g(k + ".unzip_t").replaceAll(" of /\\S+", "") + " | "
					+ (r.g(k + ".range").matches("OK 206 .*identical\\); OK 206 .*identical\\)") ? "206 + 206, both halves identical" : r.g(k + ".range")) + " | "
					+ s(r.d(k + ".download_ms")) + " (" + f(r.d(k + ".download_mbps")) + " MB/s), " + r.g(k + ".download_vs_server_file") + " | "
					+ r.g(k + ".infozip_names").replace(" listed unchanged by Info-ZIP unzip", "") + " |");
		}
		r.line("");
	}
}
