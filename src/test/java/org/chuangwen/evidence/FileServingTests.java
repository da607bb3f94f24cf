package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
 * Uploaded files are served so that a browser never runs them: attachments with the Chinese name encoded (RFC 6266)
 * and {@code nosniff}, photos alone may show inline; and the name's extension is the detected type's, for new uploads
 * and for files stored before the rule, in downloads and in exports.
 */
@IntegrationTest
class FileServingTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;
	Session worker;
	long community;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		worker = Session.login(port, "shequ1", Api.PASSWORD);
		community = api.get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
	}

	@Test
	void aJpegNamedHtmlIsStoredServedAndExportedAsJpg() throws Exception {
		byte[] jpeg = DemoFiles.jpeg(40, 30, Color.ORANGE, null);
		Api.Response filed = api.file("shequ1", meta("伪装网页的照片"), Api.Part.file("poly.html", jpeg), Api.Part.file("活动照片", jpeg),
				Api.Part.file("现场.JPEG", jpeg));
		assertThat(filed.status()).isEqualTo(201);
		assertThat(filed.json().get("files")).extracting(f -> f.get("name").asString()).containsExactly("poly.jpg", "活动照片.jpg", "现场.JPEG");

		Api.Response download = api.get("shequ1", "/api/v1/materials/" + filed.id() + "/files/1");
		assertThat(download.headers().firstValue("Content-Disposition"))
				.hasValueSatisfying(d -> assertThat(d).startsWith("attachment;").contains("filename*=UTF-8''%E6%B4%BB%E5%8A%A8%E7%85%A7%E7%89%87.jpg"));
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

		assertThat(exportedNames()).anyMatch(n -> n.endsWith("/01 poly.jpg")).anyMatch(n -> n.endsWith("/02 活动照片.jpg"))
				.noneMatch(n -> n.endsWith(".html"));
	}

	@Test
	void filesStoredBeforeTheRuleAreServedAndExportedWithTheExtensionOfTheirContent() throws Exception {
		byte[] jpeg = DemoFiles.jpeg(40, 30, Color.PINK, null);
		long id = api.file("shequ1", meta("旧数据里的网页名"), Api.Part.file("旧照片.jpg", jpeg)).id();
		jdbc.sql("update material_file set name = 'old-poly.html' where material = :id").param("id", id).update();

		assertThat(api.get("shequ1", "/api/v1/materials/" + id).json().get("files").get(0).get("name").asString()).isEqualTo("old-poly.jpg");
		assertThat(api.get("shequ1", "/api/v1/materials/" + id + "/files/0").headers().firstValue("Content-Disposition"))
				.hasValueSatisfying(d -> assertThat(d).startsWith("attachment;").contains("filename*=UTF-8''old-poly.jpg"));
		assertThat(exportedNames()).anyMatch(n -> n.contains("旧数据里的网页名") && n.endsWith(".jpg")).noneMatch(n -> n.endsWith(".html"));
	}

	@Test
	void inThePagesOnlyPhotosOpenInlineAPdfWithJavaScriptDownloads() throws Exception {
		byte[] jpeg = DemoFiles.jpeg(40, 30, Color.CYAN, null);
		long id = api.file("shequ1", meta("带脚本的 PDF"), Api.Part.file("通知.pdf", pdfWithJavaScript()), Api.Part.file("照片.jpg", jpeg)).id();

		HttpResponse<byte[]> pdf = page("/materials/" + id + "/files/0");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition"))
				.hasValueSatisfying(d -> assertThat(d).startsWith("attachment;").contains("filename*=UTF-8''%E9%80%9A%E7%9F%A5.pdf"));
		assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(pdf.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp).contains("sandbox"));

		HttpResponse<byte[]> photo = page("/materials/" + id + "/files/1");
		assertThat(photo.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline;"));
		assertThat(page("/materials/" + id + "/files/1?download=true").headers().firstValue("Content-Disposition"))
				.hasValueSatisfying(d -> assertThat(d).startsWith("attachment;"));
	}

	private HttpResponse<byte[]> page(String path) {
		return worker.response(path);
	}

	private List<String> exportedNames() throws Exception {
		long export = api.postJson("jiedao", "/api/v1/exports", "{\"orgUnitId\":" + community + ",\"indicatorCodes\":[\"Ⅲ-115\"]}").id();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.until(() -> api.get("jiedao", "/api/v1/exports/" + export).json().get("state").asString(), s -> s.equals("DONE") || s.equals("FAILED"));
		JsonNode job = api.get("jiedao", "/api/v1/exports/" + export).json();
		assertThat(job.get("state").asString()).isEqualTo("DONE");
		List<String> names = new ArrayList<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(api.get("jiedao", job.get("downloadUrl").asString()).body()),
				StandardCharsets.UTF_8)) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
				names.add(entry.getName());
			}
		}
		return names;
	}

	private String meta(String title) {
		return "{\"orgUnitId\":" + community + ",\"kind\":\"制度\",\"title\":\"" + title + "\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\"Ⅲ-115\"]}";
	}

	/** A one-page PDF that runs a script when opened (OpenAction). */
	static byte[] pdfWithJavaScript() {
		String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction<</S/JavaScript/JS(app.alert\\('x'\\))>>>>endobj\n"
				+ "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
				+ "trailer<</Root 1 0 R>>\n%%EOF\n";
		return body.getBytes(StandardCharsets.ISO_8859_1);
	}
}
