package org.chuangwen.bench;

import static org.chuangwen.bench.ApiClient.*;
import static org.chuangwen.bench.Machine.*;
import static org.chuangwen.bench.Photos.*;
import static org.chuangwen.bench.Report.*;
import static org.chuangwen.bench.Results.*;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.chuangwen.platform.Zones;

/**
 * Measurement 5 (opt-in): one activity's photos filed into the box of every indicator it serves.
 *
 * <pre>
 * BASE ADMIN PASS WRITER PASS STREET RUNS PHOTOS WIDTH HEIGHT QUALITY
 *     per run a fresh community + activity (Ⅲ-29, Ⅲ-25, Ⅲ-117): PHOTOS photos in one stage request, then one request
 *     each; readiness polled until 图片 shows
 * </pre>
 */
final class ActivityBench {

	public static void main(String[] args) throws Exception {
		if (args.length != 11) {
			System.err.println("usage: ActivityBench BASE ADMIN PASS WRITER PASS STREET RUNS PHOTOS WIDTH HEIGHT QUALITY");
			System.exit(2);
		}
		activity(args);
	}

	static final List<String> ACTIVITY_CODES = List.of("Ⅲ-29", "Ⅲ-25", "Ⅲ-117");
	static final String PHOTO_KIND = "图片";

	/**
	 * RUNS times, interleaved: (a) a fresh community, an activity serving Ⅲ-29, Ⅲ-25 and Ⅲ-117, readiness checked (图片
	 * absent in all three boxes), then PHOTOS distinct photos in one stage request, readiness polled right after the
	 * response until 图片 is present in all three; (b) the same on another fresh community with one request per photo.
	 */
	static void activity(String[] a) throws Exception {
		String base = a[0];
		ApiClient admin = new ApiClient(base, a[1], a[2]);
		ApiClient writer = new ApiClient(base, a[3], a[4]);
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
				ActivityBoxes.photoPresent(writer, unit);
				kv("activity.warmup", "one activity, 2 photos in one request + 1 in another, not measured");
			}
			{
				// probe: the notice (通知) of an activity planned for next week, filed today without a date, as the page form does
				long unit = admin.create(street, "COMMUNITY", "活动预告社区" + stamp);
				LocalDate nextWeek = LocalDate.now(Zones.SHANGHAI).plusDays(7);
				long id = planActivity(writer, unit, "下周", nextWeek);
				Multipart notice = new Multipart();
				notice.json("meta", "{\"stage\":\"notice\"}");
				notice.file("file", "notice.pdf", "application/pdf", SampleFiles.pdf("活动通知", "notice " + id));
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
					Map<String, Boolean> before = ActivityBoxes.photoPresent(writer, unit);
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
								boolean all = ActivityBoxes.photoPresent(writer, unit).values().stream().allMatch(Boolean::booleanValue);
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
					kv(label + ".verified", ActivityBoxes.verifyBoxes(writer, unit, id, set, bodies.size()));
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

	static List<byte[]> activityPhotos(ExecutorService pool, long seed, int count, int w, int h, float quality) throws Exception {
		List<Future<byte[]>> jobs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			int n = i;
			jobs.add(pool.submit(() -> withExifTime(noiseJpeg(w, h, quality, new SplittableRandom(seed * 1_000_003L + n)),
					LocalDate.now(Zones.SHANGHAI).minusDays(1).atTime(9, 0).plusMinutes(n))));
		}
		List<byte[]> out = new ArrayList<>();
		for (Future<byte[]> job : jobs) {
			out.add(job.get());
		}
		return out;
	}

	/** Plans an activity of category 我们的节日 serving Ⅲ-29, Ⅲ-25 and Ⅲ-117 (explicitly) in a unit; returns its id. */
	static long planActivity(ApiClient writer, long unit, String what) throws Exception {
		return planActivity(writer, unit, what, LocalDate.now(Zones.SHANGHAI).minusDays(1));
	}

	/**
	 * Plans an activity on {@code day}, 09:00–11:00. The bench's activities took place yesterday (Shanghai): a stage
	 * material is dated the activity's day unless a date is given, and the archive refuses dates after today.
	 */
	static long planActivity(ApiClient writer, long unit, String what, LocalDate day) throws Exception {
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

	/** This scenario's section of the report. */
	static void report(Report r) {
		r.line("## 5. Activities (issue 3)");
		r.line("");
		if (r.has("activity.runs")) {
			int runs = Integer.parseInt(r.g("activity.runs"));
			String n = r.g("activity.photos");
			r.line("Each run: as `admin` a fresh COMMUNITY under " + r.g("activity.street") + "; as `" + r.g("activity.writer") + "` (the street office) an activity"
					+ " of category 我们的节日 with explicit `indicatorCodes` Ⅲ-29, Ⅲ-25, Ⅲ-117 (" + r.g("activity.catalog") + "), held yesterday 09:00–11:00;"
					+ " `GET /api/v1/readiness?orgUnitId=<community>` checked: 图片 absent in all three boxes. Then, timed, " + n + " distinct "
					+ r.g("meta.photo_dims") + " JPEGs with EXIF time (" + r.g("activity.photo_mb_avg") + " MB each, random noise as in measurement 2) to"
					+ " `POST /api/v1/activities/{id}/materials` (`meta` `{\"stage\":\"photos\",…}`), and readiness polled back to back right after the"
					+ " response until 图片 is present in all three boxes. **one request**: all " + n + " photos in one request; **one per photo**: "
					+ n + " sequential requests of one photo each, on another fresh community (readiness polled after the first response; the"
					+ " poll is not counted in the total). The two variants alternate, each run on its own community and with its own photos."
					+ " Before each timed part the helper waited for the machine to be < 25 % busy (`BENCH_WAIT_IDLE`) and sampled every 250 ms"
					+ " whether Maven/surefire JVMs ran.");
			r.line("");
			r.line("| run | one request: wall | MB/s | → 图片 in all 3 boxes | polls | one per photo: total | MB/s | per request p50 / max | → 图片 in all 3 (after photo 1) | polls | busy before | other Maven JVMs during the timed part |");
			r.line("|---|---|---|---|---|---|---|---|---|---|---|---|");
			for (int run = 1; run <= runs; run++) {
				String o = "activity.one." + run;
				String q = "activity.seq." + run;
				r.line("| " + run + " | **" + f(r.d(o + ".ms")) + " ms** | " + f(r.d(o + ".mbps")) + " | " + f(r.d(o + ".ready_ms")) + " ms | " + r.g(o + ".polls") + " | **"
						+ f(r.d(q + ".ms")) + " ms** | " + f(r.d(q + ".mbps")) + " | " + f(r.d(q + ".p50_ms")) + " / " + f(r.d(q + ".max_ms")) + " ms | "
						+ f(r.d(q + ".ready_ms")) + " ms | " + r.g(q + ".polls") + " | " + r.g(o + ".busy_before") + " % / " + r.g(q + ".busy_before") + " % | "
						+ shortOthers(r.g(o + ".others_running")) + " / " + shortOthers(r.g(q + ".others_running")) + " |");
			}
			r.line("| **median** | **" + f(r.d("activity.one.median_ms")) + " ms** | **" + f(r.d("activity.one.median_mbps")) + "** | **"
					+ f(r.d("activity.one.median_ready_ms")) + " ms** | 图片 present on the first poll: " + r.g("activity.one.first_poll") + " | **"
					+ f(r.d("activity.seq.median_ms")) + " ms** | **" + f(r.d("activity.seq.median_mbps")) + "** | | " + f(r.d("activity.seq.median_ready_ms"))
					+ " ms | first poll: " + r.g("activity.seq.first_poll") + " | | |");
			r.line("");
			r.line("- Checked after every run: " + r.g("activity.one.1.verified") + " (one request) / " + r.g("activity.seq.1.verified") + " (one per photo).");
			r.line("- One readiness GET of such a community: p50 " + f(r.d("activity.readiness_get_p50_ms")) + " ms, max " + f(r.d("activity.readiness_get_max_ms"))
					+ " ms (HTTP Basic, password remembered). The \"→ 图片\" column is request + poll(s), from the start of the upload.");
			if (r.has("activity.warmup")) {
				r.line("- Warm-up before run 1: " + r.g("activity.warmup") + ".");
			}
			r.line("- Maven/surefire JVMs during the whole photo phase (run.sh sampler, every 2 s): " + r.g("activity.others_pct") + " % of the time.");
			if (r.has("activity.future_stage_probe")) {
				r.line("- Probe: " + r.g("activity.future_stage_probe") + ".");
			}
			r.line("");
		}
		if (r.has("flow.activity")) {
			r.line("### Fields typed per activity, plan to briefing");
			r.line("");
			r.line("One activity taken through the pages as a worker and residents do (`ActivityFlowBench`): the plan form opened from the"
					+ " festival calendar (" + r.g("flow.festival") + "; `GET /activities/new?festival=…&date=…`, form parsed), submitted with the typed facts"
					+ " (`POST /activities`, times moved to now so that check-in is open), 4 people checking in on the public page `/c/{code}` (no login),"
					+ " 4 photos through the stage form (stage pre-selected, title left empty), then the buttons 生成方案并归档 and 生成签到表并归档 and the"
					+ " links 简报草稿 and 总结草稿. Every generated document was then searched for every fact.");
			r.line("");
			r.line("- Plan form controls (parsed from the page): " + r.g("flow.form.fields") + ".");
			r.line("- Required: " + r.g("flow.form.required") + ". Left empty by the page — **blank form**: " + r.g("flow.form.required_empty_blank")
					+ "; **from the festival calendar**: " + r.g("flow.form.required_empty_festival") + ".");
			r.line("- Pre-filled, blank form: " + r.g("flow.form.blank_prefilled") + ". From the festival calendar: " + r.g("flow.form.festival_prefilled") + ".");
			r.line("- Stage upload form: " + r.g("flow.stage_form.fields") + ". Briefing: " + r.g("flow.briefing_form.fields") + ". Resident check-in page: "
					+ r.g("flow.checkin_form.fields") + ".");
			r.line("- Activity: " + r.g("flow.activity") + "; stages filed: " + r.g("flow.stages_done") + "; boxes afterwards: " + r.g("flow.boxes_after") + ".");
			r.line("- Stage materials (metadata filled from the plan, nothing typed): " + r.g("flow.stage_materials") + ".");
			if (r.has("flow.photo_caption")) {
				r.line("- Photo caption after filing (DA/T 50 fields, from the material API): " + r.g("flow.photo_caption") + ".");
			}
			r.line("");
			r.line("| fact | typed where | control | typed how many times | plan DOCX | attendance sheet | briefing | summary | check-in page |");
			r.line("|---|---|---|---|---|---|---|---|---|");
			String[][] rows = {
					{"title", "活动名称", "plan form", "text, required", "**1** (0 from the festival calendar: pre-filled)"},
					{"category", "类别", "plan form", "select of " + r.g("flow.form.categories") + ", required", "0 (chosen; pre-filled from the festival)"},
					{"indicators", "服务的测评指标", "plan form", r.g("flow.form.indicator_boxes") + " check boxes", "0 (ticked; pre-ticked from the category)"},
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
					String v = r.g("flow.fact." + row[0] + "." + doc);
					b.append(" | ").append(v.equals("yes") ? "✓" : v.equals("no") ? "–" : v);
				}
				r.line(b.append(" |").toString());
			}
			r.line("| plan DOCX, attendance sheet | — | one button each | 0 | | | | | |");
			r.line("| briefing, summary drafts | — | one link each | 0 (drafts to edit; the summary leaves 成效 and 不足 to write) | | | | | |");
			r.line("");
			r.line("Typed at plan time: " + r.g("flow.typed") + ". Phones in the attendance sheet masked: " + r.g("flow.attendance_phones_masked")
					+ "; briefing via the API identical to the page's: " + r.g("flow.briefing_api_same_text") + ".");
			r.line("");
		}
	}
}
