package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.platform.StorageProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Uploads as a worker sends them, over real HTTP into the real file store: the type is decided by content, oversize
 * and foreign types are refused with a Chinese message naming the file, and a refused, interrupted or rolled-back
 * upload leaves no row, no blob and no partial file behind. (The test profile limits files to 2 MB.)
 */
@IntegrationTest
class UploadValidationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StorageProperties storage;

	@Autowired
	EvidenceArchive archive;

	@Autowired
	Accounts accounts;

	@Autowired
	TransactionTemplate transactions;

	Api api;
	long community;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		community = api.get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
	}

	@Test
	void filesPhotosAndOfficeDocumentsWithTheirHashAndTheCameraTime() throws Exception {
		byte[] photo = DemoFiles.jpeg(640, 480, Color.GREEN, LocalDateTime.of(2010, 9, 22, 19, 30, 5));
		byte[] docx = DemoFiles.docx("中秋活动方案", "正文");
		byte[] xlsx = DemoFiles.xlsx("表", new String[] {"姓名"}, new String[] {"张三"});
		Api.Response filed = api.file("shequ1", meta("图片", "中秋联欢", "Ⅲ-29"),
				Api.Part.file("联欢.jpg", photo), Api.Part.file("方案.docx", docx), Api.Part.file("名单.xlsx", xlsx));

		assertThat(filed.status()).isEqualTo(201);
		JsonNode files = filed.json().get("files");
		assertThat(files).extracting(f -> f.get("name").asString()).containsExactly("联欢.jpg", "方案.docx", "名单.xlsx");
		assertThat(files).extracting(f -> f.get("contentType").asString()).containsExactly("image/jpeg", FileTypes.DOCX, FileTypes.XLSX);
		assertThat(files.get(0).get("sha256").asString()).isEqualTo(sha256(photo));
		assertThat(files.get(0).get("size").asLong()).isEqualTo(photo.length);
		assertThat(files.get(0).get("takenAt").asString()).isEqualTo("2010-09-22T19:30:05");
		assertThat(files.get(1).get("takenAt").isNull()).isTrue();
		assertThat(filed.json().get("uploadedBy").asString()).isEqualTo("shequ1");
		assertThat(filed.json().get("late").asBoolean()).isTrue();

		Api.Response bytes = api.get("shequ1", "/api/v1/materials/" + filed.id() + "/files/0");
		assertThat(bytes.body()).isEqualTo(photo);
		assertThat(bytes.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(api.get("shequ1", "/api/v1/materials/" + filed.id() + "/files/3").status()).isEqualTo(404);
	}

	@Test
	void decidesTheTypeByContentNotByName() {
		byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);
		Api.Response filed = api.file("shequ1", meta("简报", "名字像照片的 PDF", "Ⅲ-116"), Api.Part.file("照片.jpg", pdf));
		assertThat(filed.status()).isEqualTo(201);
		assertThat(filed.json().get("files").get(0).get("contentType").asString()).isEqualTo("application/pdf");
	}

	@Test
	void refusesContentThatIsNotAnAllowedTypeAndStoresNothing() throws IOException {
		byte[] noise = new byte[4096];
		new Random(7).nextBytes(noise);
		StoreSnapshot before = StoreSnapshot.of(jdbc, storage);
		Api.Response refused = api.file("shequ1", meta("图片", "伪装的照片", "Ⅲ-116"),
				Api.Part.file("good.jpg", DemoFiles.jpeg(64, 64, Color.RED, null)), Api.Part.file("活动照片.jpg", noise));
		assertThat(refused.status()).isEqualTo(415);
		assertThat(refused.json().get("error").asString()).isEqualTo("unsupported_type");
		assertThat(refused.json().get("message").asString()).contains("活动照片.jpg", "不是允许的类型", "未保存任何文件");
		assertThat(StoreSnapshot.of(jdbc, storage)).isEqualTo(before);
	}

	@Test
	void refusesAZipThatCallsItselfAWordDocument() throws IOException {
		StoreSnapshot before = StoreSnapshot.of(jdbc, storage);
		Api.Response refused = api.file("shequ1", meta("方案", "假的 Word", "Ⅲ-116"), Api.Part.file("方案.docx", zipWith("readme.txt")));
		assertThat(refused.status()).isEqualTo(415);
		assertThat(refused.json().get("message").asString()).contains("方案.docx");
		assertThat(StoreSnapshot.of(jdbc, storage)).isEqualTo(before);
	}

	@Test
	void refusesAnOversizeFileNamingItAndStoresNoneOfTheBatch() throws IOException {
		byte[] big = new byte[2 * 1024 * 1024 + 1];
		new Random(3).nextBytes(big);
		StoreSnapshot before = StoreSnapshot.of(jdbc, storage);
		Api.Response refused = api.file("shequ1", meta("图片", "太大的照片", "Ⅲ-116"),
				Api.Part.file("small.jpg", DemoFiles.jpeg(64, 64, Color.BLUE, null)), Api.Part.file("超大照片.jpg", big));
		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.json().get("message").asString()).isEqualTo("文件“超大照片.jpg”超过 2 MB 的大小上限,未保存任何文件。");
		assertThat(StoreSnapshot.of(jdbc, storage)).isEqualTo(before);
	}

	@Test
	void refusesBadMetadataWithAClearMessage() {
		byte[] photo = DemoFiles.jpeg(32, 32, Color.GRAY, null);
		assertThat(message(api.file("shequ1", meta("照片", "x", "Ⅲ-116"), Api.Part.file("a.jpg", photo))))
				.isEqualTo("材料种类“照片”不在当前测评体系的材料种类中。");
		assertThat(message(api.file("shequ1", meta("图片", "x", "Ⅲ-999"), Api.Part.file("a.jpg", photo))))
				.isEqualTo("没有编号为“Ⅲ-999”的测评指标。");
		assertThat(message(api.file("shequ1", meta("图片", "x"), Api.Part.file("a.jpg", photo)))).isEqualTo("请至少选择一个测评指标。");
		assertThat(message(api.file("shequ1", meta("图片", "x", "Ⅲ-116")))).isEqualTo("请至少选择一个文件。");
		String tomorrow = LocalDate.now().plusDays(2).toString();
		assertThat(message(api.file("shequ1", meta("图片", "x", "Ⅲ-116").replace("2010-05-01", tomorrow), Api.Part.file("a.jpg", photo))))
				.startsWith("请填写成文日期");
		assertThat(message(api.file("shequ1", "{not json", Api.Part.file("a.jpg", photo)))).isEqualTo("meta 部分不是有效的 JSON。");
	}

	@Test
	void takesUpToAHundredFilesInOneMaterialAndRefusesMore() throws IOException {
		Api.Part[] sixty = photos(60);
		Api.Response filed = api.file("shequ1", meta("图片", "六十张照片", "Ⅲ-116"), sixty);
		assertThat(filed.status()).isEqualTo(201);
		assertThat(filed.json().get("files")).hasSize(60);

		StoreSnapshot before = StoreSnapshot.of(jdbc, storage);
		Api.Response refused = api.file("shequ1", meta("图片", "太多照片", "Ⅲ-116"), photos(101));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("message").asString()).isEqualTo("一次最多上传 100 个文件。");
		assertThat(StoreSnapshot.of(jdbc, storage)).isEqualTo(before);
	}

	@Test
	void anInterruptedUploadIsRefusedAndLeavesNothingBehind() throws IOException {
		StoreSnapshot before = StoreSnapshot.of(jdbc, storage);
		String boundary = "cwbroken";
		byte[] meta = Api.multipart(boundary, List.of(Api.Part.json("meta", meta("图片", "断线", "Ⅲ-116"))));
		byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"断线.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] photoStart = new byte[512 * 1024];
		new Random(11).nextBytes(photoStart);
		String auth = java.util.Base64.getEncoder().encodeToString(("shequ1:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
		String response;
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			int announced = meta.length + start.length + 3 * 1024 * 1024;
			out.write(("POST /api/v1/materials HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth + "\r\n"
					+ "Content-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + announced + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			// the multipart's closing boundary is cut off: only the opening of the file part and half a megabyte follow
			out.write(meta, 0, meta.length - (boundary.length() + 6));
			out.write(start);
			out.write(photoStart);
			out.flush();
			socket.shutdownOutput();
			response = read(socket.getInputStream());
		}
		assertThat(response).startsWith("HTTP/1.1 400");
		assertThat(response).contains("上传未完成", "未保存任何文件");
		assertThat(StoreSnapshot.of(jdbc, storage)).isEqualTo(before);
	}

	@Test
	void aFilingRolledBackByItsCallerLeavesNoBlob() throws Exception {
		byte[] photo = DemoFiles.jpeg(128, 96, new Color(0x123456), LocalDateTime.of(2010, 1, 2, 3, 4, 5));
		StoreSnapshot before = StoreSnapshot.of(jdbc, storage);
		accounts.callAs("shequ1", () -> transactions.execute(status -> {
			archive.file(new NewMaterial(community, "图片", "回滚", LocalDate.of(2010, 1, 2), null, List.of("Ⅲ-116")),
					List.of(new Upload("回滚.jpg", photo.length, new ByteArrayResource(photo))));
			status.setRollbackOnly();
			return null;
		}));
		assertThat(StoreSnapshot.of(jdbc, storage)).isEqualTo(before);
		assertThat(blobExists(sha256(photo))).isFalse();
	}

	private static Api.Part[] photos(int count) {
		Api.Part[] parts = new Api.Part[count];
		for (int i = 0; i < count; i++) {
			parts[i] = Api.Part.file("照片" + i + ".jpg", DemoFiles.jpeg(16, 16, new Color(i * 997), null));
		}
		return parts;
	}

	private String meta(String kind, String title, String... codes) {
		String list = String.join(",", Stream.of(codes).map(c -> "\"" + c + "\"").toList());
		return "{\"orgUnitId\":" + community + ",\"kind\":\"" + kind + "\",\"title\":\"" + title
				+ "\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[" + list + "]}";
	}

	private static String message(Api.Response response) {
		assertThat(response.status()).isBetween(400, 499);
		return response.json().get("message").asString();
	}


	private boolean blobExists(String sha256) {
		return Files.exists(storage.root().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256));
	}

	private static byte[] zipWith(String entry) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write("hello".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static String read(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.UTF_8);
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
