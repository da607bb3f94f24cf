package org.chuangwen.bench;

import static org.chuangwen.bench.Photos.*;
import static org.chuangwen.bench.Report.*;
import static org.chuangwen.bench.Results.*;
import static org.chuangwen.bench.SampleFiles.*;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measurement 3: a street of communities seeded with small real files, then readiness latency (page and API).
 *
 * <pre>
 * seed      BASE USER PASS DISTRICT COMMUNITIES PER PARALLEL api|form
 * latency   BASE USER PASS UNIT_ID COMMUNITIES WARMUP N SESSION_FILE
 * </pre>
 */
final class ReadinessBench {

	public static void main(String[] args) throws Exception {
		String[] rest = Arrays.copyOfRange(args, 1, args.length);
		switch (args.length == 0 ? "" : args[0]) {
			case "seed" -> seed(rest);
			case "latency" -> latency(rest);
			default -> {
				System.err.println("usage: ReadinessBench seed|latency …");
				System.exit(2);
			}
		}
	}

	record Pair(String code, String kind) {}

	record Task(int community, int index) {}

	static void seed(String[] a) throws Exception {
		String base = a[0];
		ApiClient api = new ApiClient(base, a[1], a[2]);
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
		Client client = via.equals("form") ? new PageSession(base, writer[0], writer[1]) : new ApiClient(base, writer[0], writer[1]);
		String csrf = client instanceof PageSession session ? session.csrf("/materials/new") : null;
		byte[] jpegBase = noiseJpeg(64, 48, 0.8f, new SplittableRandom(7));

		// Interleave communities so that parallel requests rarely hit the same community (its row is locked per filing)
		List<Task> tasks = new ArrayList<>();
		for (int i = 0; i < per; i++) {
			for (int c = 0; c < communities; c++) {
				tasks.add(new Task(c, i));
			}
		}
		// The files are made before the clock starts: POI takes milliseconds per DOCX/XLSX, CPU the app needs
		long g0 = System.nanoTime();
		List<Filing> filings = tasks.parallelStream().map(t -> filing(t, street, names, plan, codesByKind, jpegBase)).toList();
		kv("seed.files_gen_ms", ms(System.nanoTime() - g0));
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
					Filing f = filings.get(k);
					Task t = f.task();
					List<String> codes = f.codes();
					LocalDate date = f.date();
					String title = f.title();
					String type = f.type();
					byte[] file = f.file();
					Pair pair = f.pair();
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
					body.file("file", fileName, SampleFiles.contentType(type), file);
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

	/** One material to file: its boxes, date, title and a small real file, drawn from the task's own random seed. */
	record Filing(Task task, Pair pair, List<String> codes, LocalDate date, String title, String type, byte[] file) {}

	static Filing filing(Task t, long street, String[] names, List<List<Pair>> plan, Map<String, List<String>> codesByKind, byte[] jpegBase) {
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
			case "docx" -> SampleFiles.docx(title, tag);
			case "xlsx" -> SampleFiles.xlsx(title, tag);
			default -> SampleFiles.pdf(title, tag);
		};
		return new Filing(t, pair, codes, date, title, type, file);
	}

	static void latency(String[] a) throws Exception {
		String base = a[0];
		ApiClient api = new ApiClient(base, a[1], a[2]);
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

		PageSession session = new PageSession(base, a[1], a[2]);
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

	/** This scenario's section of the report. */
	static void report(Report r) {
		r.line("## 3. Readiness of a street with " + r.g("seed.communities") + " communities × " + r.g("meta.per_community") + " materials");
		r.line("");
		if (r.has("seed.ms")) {
			r.line(String.format(Locale.ROOT, "Seeding (as admin): a new STREET under 示范区 and %s COMMUNITY units (%s), then %s materials through %s with %s parallel requests"
							+ " (kinds and indicators drawn from the catalog's %s indicator×kind pairs, each community covering 55–100%% of them; years 2009–2011;"
							+ " 1–2 indicators per material; files: %s; %.1f MB): **%s, %s materials/s** (per request p50 %s ms, p95 %s ms), %s errors;"
							+ " the API then counts %s materials under the street.",
					r.g("seed.communities"), s(r.d("seed.units_ms")), r.g("seed.materials"),
					r.g("seed.via").equals("form") ? "the upload page (`POST /materials`, logged-in session + CSRF header)" : "`POST /api/v1/materials` (HTTP Basic)",
					r.g("seed.parallel"), r.g("seed.pairs"), r.g("seed.types"), r.d("seed.bytes") / MB, s(r.d("seed.ms")), f(r.d("seed.per_s")),
					f(r.d("seed.req_p50_ms")), f(r.d("seed.req_p95_ms")), r.g("seed.errors"), r.g("seed.verified_total")));
			r.line("");
		}
		if (r.has("readiness.api.p50_ms")) {
			r.line("Then " + r.g("meta.warmup") + " warm-up requests and " + r.g("readiness.api.n") + " sequential requests each, one client, keep-alive, no gzip"
					+ " (street completeness " + f(r.d("readiness.completeness") * 100) + " %, " + r.g("readiness.communities") + " communities ranked):");
			r.line("");
			r.line("| request | auth | p50 | p95 | p99 | max | mean | sequential req/s | response |");
			r.line("|---|---|---|---|---|---|---|---|---|");
			r.row("`GET /api/v1/readiness?orgUnitId=" + r.g("seed.street_id") + "`", "HTTP Basic", "readiness.api", r.g("readiness.api_bytes") + " B JSON");
			r.row("`GET /readiness?unit=" + r.g("seed.street_id") + "` (dashboard page)", "session cookie", "readiness.page", r.g("readiness.page_bytes") + " B HTML, " + r.g("readiness.page_links") + " links");
			r.row("`GET /api/v1/me` (authentication alone, for comparison)", "HTTP Basic", "readiness.me", "");
			r.line("");
		}
		if (r.has("wrk.page.rps") || r.has("wrk.api.rps")) {
			r.line("Throughput with wrk (" + r.g("wrk.args") + "; wrk runs on the same 2 cores):");
			r.line("");
			r.line("| target | req/s | p50 | p90 | p99 | max | non-2xx |");
			r.line("|---|---|---|---|---|---|---|");
			for (String t : List.of("page", "api")) {
				if (r.has("wrk." + t + ".rps")) {
					r.line("| " + (t.equals("page") ? "dashboard page, session cookie" : "readiness API, HTTP Basic") + " | **" + r.g("wrk." + t + ".rps") + "** | "
							+ r.g("wrk." + t + ".p50") + " | " + r.g("wrk." + t + ".p90") + " | " + r.g("wrk." + t + ".p99") + " | " + r.g("wrk." + t + ".max") + " | "
							+ r.g("wrk." + t + ".non2xx") + " |");
				}
			}
			r.line("");
		}
	}
}
