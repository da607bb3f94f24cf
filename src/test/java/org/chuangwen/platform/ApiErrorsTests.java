package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal under {@code /api} is the documented JSON with the code that names the real problem, including the
 * ones Tomcat answers before Spring sees the request. Raw sockets where {@code java.net.http} would tidy the request
 * up (encoded slashes, over-long request lines, bodies cut short).
 */
@IntegrationTest
class ApiErrorsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
	void askingForXmlIsRefusedInJson() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
				.header("Authorization", basic()).header("Accept", "application/xml").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(406);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		assertError(JSON.readTree(response.body()), "not_acceptable", "只能以 JSON 回答");
	}

	@Test
	void unknownPathsWrongMethodsAndMediaTypesAreJson() {
		assertError(api.get("shequ1", "/api/v1/no-such-thing"), 404, "not_found", "找不到");
		Api.Response method = api.delete("shequ1", "/api/v1/me");
		assertError(method, 405, "method_not_allowed", "DELETE");
		Api.Response media = raw("POST /api/v1/activities HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic()
				+ "\r\nContent-Type: text/plain\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
		assertError(media, 415, "unsupported_media_type", "text/plain");
	}

	@Test
	void jsonErrorsNameTheField() {
		assertError(api.postJson("shequ1", "/api/v1/activities", "{\"orgUnitId\":\"和平社区\"}"), 400, "bad_request", "字段 orgUnitId");
		assertError(api.postJson("shequ1", "/api/v1/activities", "{\"orgUnitId\": 4,\n \"title\": }"), 400, "bad_request", "第 2 行");
	}

	@Test
	void anEncodedSlashInThePathIsRefusedInJsonUnderApiAndInChineseElsewhere() {
		Api.Response api = raw("GET /api/v1/materials/1%2F..%2F2 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic() + "\r\nConnection: close\r\n\r\n");
		assertError(api, 400, "invalid_path", "%2F");
		Api.Response page = raw("GET /materials/1%2F2 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.text()).contains("<html lang=\"zh-CN\"", "%2F").doesNotContain("HTTP Status", "Bad Request");
	}

	@Test
	void anOverlongRequestLineOrHeaderIsRefusedInJson() {
		String query = "a".repeat(12_000);
		assertError(raw("GET /api/v1/materials?q=" + query + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 400, "request_too_long",
				"8 KB");
		assertError(raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nX-Long: " + query + "\r\nConnection: close\r\n\r\n"), 400,
				"request_too_long", "8 KB");
	}

	@Test
	void aLongFileNameIsStoredShortenedAndAnOverlongOneNamesTheLimit() {
		byte[] photo = DemoFiles.jpeg(32, 32, Color.GRAY, null);
		Api.Response filed = api.file("shequ1", meta("长文件名"), Api.Part.file("活动照片".repeat(250) + ".jpg", photo));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		String stored = filed.json().get("files").get(0).get("name").asString();
		assertThat(stored).endsWith("活动照片.jpg").hasSizeLessThanOrEqualTo(300);

		long before = materials();
		Api.Response refused = api.file("shequ1", meta("太长的文件名"), Api.Part.file("活动照片".repeat(500) + ".jpg", photo));
		assertError(refused, 400, "file_name_too_long", "4096 字节");
		assertThat(materials()).isEqualTo(before);
	}

	@Test
	void anUploadCutShortIsIncompleteWhereverItIsCut() {
		String boundary = "cwcut";
		byte[] meta = Api.multipart(boundary, List.of(Api.Part.json("meta", meta("断线"))));
		byte[] opening = Arrays.copyOf(meta, meta.length - (boundary.length() + 6));
		byte[] fileHead = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"断线.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
		byte[] photo = DemoFiles.jpeg(64, 64, Color.RED, null);
		long before = materials();
		// inside a part's bytes, inside a part's headers, after the last part but before the closing boundary
		for (byte[] body : List.of(concat(opening, fileHead, Arrays.copyOf(photo, photo.length / 2)), concat(opening, Arrays.copyOf(fileHead, 40)),
				concat(opening, fileHead, photo, "\r\n".getBytes(StandardCharsets.US_ASCII)))) {
			for (int announced : new int[] {body.length, body.length + 100_000}) {
				Api.Response cut = raw(("POST /api/v1/materials HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic()
						+ "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + announced + "\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII), body);
				assertError(cut, 400, "upload_incomplete", "上传未完成");
			}
		}
		assertThat(materials()).isEqualTo(before);
	}

	private String meta(String title) {
		return "{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"" + title + "\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
	}

	private long materials() {
		return jdbc.sql("select count(*) from material").query(Long.class).single();
	}

	private static String basic() {
		return "Basic " + Base64.getEncoder().encodeToString(("shequ1:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
	}

	private static void assertError(Api.Response response, int status, String error, String inMessage) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertError(response.json(), error, inMessage);
	}

	private static void assertError(JsonNode json, String error, String inMessage) {
		assertThat(json.get("error").asString()).isEqualTo(error);
		assertThat(json.get("message").asString()).contains(inMessage);
	}

	private Api.Response raw(String request) {
		return raw(request.getBytes(StandardCharsets.UTF_8), new byte[0]);
	}

	/** Sends the bytes as they are, closes the sending side and reads the whole answer (headers and body). */
	private Api.Response raw(byte[] head, byte[] body) {
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(head);
			out.write(body);
			out.flush();
			socket.shutdownOutput();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			InputStream in = socket.getInputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			String headers = text.substring(0, text.indexOf("\r\n\r\n"));
			String content = text.substring(text.indexOf("\r\n\r\n") + 4);
			if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
				content = dechunk(content);
			}
			return new Api.Response(status, content.getBytes(StandardCharsets.UTF_8), null);
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static String dechunk(String chunked) {
		StringBuilder out = new StringBuilder();
		byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
		int i = 0;
		while (i < bytes.length) {
			int eol = indexOf(bytes, i);
			int size = Integer.parseInt(new String(bytes, i, eol - i, StandardCharsets.US_ASCII).trim(), 16);
			if (size == 0) {
				break;
			}
			out.append(new String(bytes, eol + 2, size, StandardCharsets.UTF_8));
			i = eol + 2 + size + 2;
		}
		return out.toString();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return bytes.length;
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}
}
