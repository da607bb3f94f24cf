package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Text that cannot be kept (a lone surrogate, a control character) is refused where it enters — JSON bodies, the
 * multipart meta part, form posts — with {@code 400 invalid_text} naming the field; and a value stored before this
 * check (put here straight into the database) still goes into the briefing and summary documents and an export.
 */
@IntegrationTest
class TextInputTests {

	private static final String LONE_SURROGATE = "\\ud800";
	/**
	 * The stored title as written: H2 keeps the lone surrogate (written as U+FFFD), PostgreSQL's driver stores "?" (which
	 * an export's file name then shows as "_").
	 */
	private static final Pattern STORED_BAD = Pattern.compile("旧数据[\uFFFD?_]标题");
	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;
	long community;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		community = api.get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
	}

	@Test
	void refusesALoneSurrogateOrAControlCharacterInAJsonBody() {
		long before = count("activity");
		for (String bad : List.of(LONE_SURROGATE, "\\udc00x", "a\\u0000b", "铃\\u0007")) {
			Api.Response refused = api.postJson("shequ1", "/api/v1/activities", activity("活动" + bad, null));
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.json().get("error").asString()).isEqualTo("invalid_text");
			assertThat(refused.json().get("message").asString()).contains("“title”", "无法保存的字符");
		}
		Api.Response place = api.postJson("shequ1", "/api/v1/activities", activity("活动", null).replace("社区活动室", "活动室\\n二楼"));
		assertThat(place.json().get("message").asString()).contains("“place”");
		assertThat(count("activity")).isEqualTo(before);

		Api.Response multiLine = api.postJson("shequ1", "/api/v1/activities", activity("多行说明的活动", "第一行\\n第二行\\t缩进"));
		assertThat(multiLine.status()).as(multiLine.text()).isEqualTo(201);
		Api.Response emoji = api.postJson("shequ1", "/api/v1/activities", activity("笑脸 \\ud83d\\ude00 活动", null));
		assertThat(emoji.status()).as("a surrogate pair is a character like any other").isEqualTo(201);
	}

	@Test
	void refusesItInTheMultipartMetaAndStoresNothing() {
		long before = count("material");
		byte[] photo = DemoFiles.jpeg(16, 16, Color.RED, null);
		for (String bad : List.of(LONE_SURROGATE, "\\u001b[31m")) {
			Api.Response refused = api.file("shequ1", meta("照片" + bad, "街道"), Api.Part.file("a.jpg", photo));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.json().get("error").asString()).isEqualTo("invalid_text");
			assertThat(refused.json().get("message").asString()).contains("“title”");
		}
		Api.Response party = api.file("shequ1", meta("照片", "街道" + LONE_SURROGATE), Api.Part.file("a.jpg", photo));
		assertThat(party.json().get("message").asString()).contains("“responsibleParty”");
		assertThat(count("material")).isEqualTo(before);
	}

	@Test
	void refusesAControlCharacterInAFormPost() {
		Session worker = Session.login(port, "shequ1", Api.PASSWORD);
		long before = count("activity");
		String form = "orgUnitId=" + community + "&title=" + enc("夜间\u0007活动") + "&category=" + enc("文明礼仪") + "&indicatorCodes=" + enc("Ⅲ-116")
				+ "&startsAt=" + enc(LOCAL.format(start())) + "&endsAt=" + enc(LOCAL.format(start().plusHours(1))) + "&place=" + enc("活动室");
		Session.Page refused = worker.postForm("/activities", "/activities/new", form);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("“title”", "无法保存的字符");
		assertThat(count("activity")).isEqualTo(before);
	}

	@Test
	void aBadTitleStoredBeforeTheCheckStillGoesIntoDocumentsAndExports() throws Exception {
		long activity = api.postJson("shequ1", "/api/v1/activities", activity("待改名的活动", "说明")).id();
		Api.Response filed = api.file("shequ1", meta("旧照片", "街道"), Api.Part.file("旧.jpg", DemoFiles.jpeg(64, 48, Color.BLUE, null)));
		long material = filed.id();
		String bad = "旧数据\ud800标题\u0001";
		jdbc.sql("update activity set title = :t, description = :t where id = :id").param("t", bad).param("id", activity).update();
		jdbc.sql("update material set title = :t where id = :id").param("t", bad).param("id", material).update();
		jdbc.sql("update material_file set name = :t where material = :id").param("t", bad + ".jpg").param("id", material).update();

		Api.Response briefing = api.get("shequ1", "/api/v1/activities/" + activity + "/briefing.docx");
		assertThat(briefing.status()).as(briefing.text()).isEqualTo(200);
		assertThat(text(briefing.body())).containsPattern(STORED_BAD);
		byte[] summary = Session.login(port, "shequ1", Api.PASSWORD).bytes("/activities/" + activity + "/summary.docx");
		assertThat(text(summary)).containsPattern(STORED_BAD);

		long export = api.postJson("jiedao", "/api/v1/exports", "{\"orgUnitId\":" + community + ",\"indicatorCodes\":[\"Ⅲ-116\"]}").id();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.until(() -> api.get("jiedao", "/api/v1/exports/" + export).json().get("state").asString(), s -> s.equals("DONE") || s.equals("FAILED"));
		JsonNode job = api.get("jiedao", "/api/v1/exports/" + export).json();
		assertThat(job.get("state").asString()).as(String.valueOf(job.get("error"))).isEqualTo("DONE");
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(api.get("jiedao", job.get("downloadUrl").asString()).body()),
				StandardCharsets.UTF_8)) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
				names.add(entry.getName());
			}
		}
		assertThat(names).anyMatch(n -> STORED_BAD.matcher(n).find() && n.endsWith(".jpg"));
	}

	private String activity(String title, String description) {
		return "{\"orgUnitId\":" + community + ",\"title\":\"" + title + "\",\"category\":\"文明礼仪\",\"indicatorCodes\":[\"Ⅲ-116\"],\"startsAt\":\""
				+ LOCAL.format(start()) + "\",\"endsAt\":\"" + LOCAL.format(start().plusHours(1)) + "\",\"place\":\"社区活动室\""
				+ (description == null ? "" : ",\"description\":\"" + description + "\"") + "}";
	}

	private String meta(String title, String party) {
		return "{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"" + title + "\",\"responsibleParty\":\"" + party
				+ "\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
	}

	private static LocalDateTime start() {
		return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).withSecond(0).plusDays(3);
	}

	private static String text(byte[] docx) throws Exception {
		try (XWPFWordExtractor text = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
			return text.getText();
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
