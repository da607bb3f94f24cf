package org.chuangwen.bench;

import static org.chuangwen.bench.ApiClient.*;
import static org.chuangwen.bench.Photos.*;
import static org.chuangwen.bench.Results.*;
import static org.chuangwen.bench.SampleFiles.*;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.chuangwen.platform.Zones;

/**
 * Measurement 5, second part (opt-in): one activity from plan to briefing on the pages, as a worker and residents go
 * through it, counting the fields typed and where each typed fact is reused.
 *
 * <pre>
 * BASE ADMIN PASS WRITER PASS STREET
 * </pre>
 */
final class ActivityFlowBench {

	public static void main(String[] args) throws Exception {
		if (args.length != 6) {
			System.err.println("usage: ActivityFlowBench BASE ADMIN PASS WRITER PASS STREET");
			System.exit(2);
		}
		activityFlow(args);
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
		ApiClient admin = new ApiClient(base, a[1], a[2]);
		ApiClient writer = new ApiClient(base, a[3], a[4]);
		long street = unitNamed(admin, a[5], "STREET");
		String stamp = DateTimeFormatter.ofPattern("HHmmss").format(LocalDateTime.now());
		String unitName = "活动流程社区" + stamp;
		long unit = admin.create(street, "COMMUNITY", unitName);
		PageSession worker = new PageSession(base, a[3], a[4]);
		java.time.ZoneId shanghai = Zones.SHANGHAI;
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
		FormFields fest = FormFields.of(worker.get("/activities/new?unit=" + unit + "&festival=" + PageSession.enc((String) festival.get("name")) + "&date="
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
			PageSession phone = new PageSession(base);
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
			briefingPath += "?" + choose.checked("photo").stream().map(v -> "photo=" + PageSession.enc(v)).collect(Collectors.joining("&"));
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
		docs.put("checkin_page", FormFields.unescape(new PageSession(base).get("/c/" + code).body()));
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
}
