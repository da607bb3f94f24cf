package org.chuangwen.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The print-ready archive of a fresh community: archival numbers that never change, the catalogue read back with POI,
 * captioned photo pages, and ZIP exports whose manifest checks and whose download resumes.
 */
@IntegrationTest
class ArchiveTests {

	private static final String BOX = "Ⅲ-116";

	@LocalServerPort
	int port;

	Api api;
	Session admin;
	long community;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		long street = api.demoStreet();
		community = api.newCommunity("档案社区");
	}

	@Test
	void numbersFollowYearKindAndDateAndNeverChange() throws IOException {
		long plan2010 = file("方案", "2010-03-01", "2010年活动方案", BOX);
		long photo2009 = file("图片", "2009-05-01", "2009年活动照片", BOX);
		long summary2010 = file("总结", "2010-12-01", "2010年活动总结", BOX);
		long plan2009 = file("方案", "2009-02-01", "2009年活动方案", BOX);
		long photo2010 = file("图片", "2010-06-01", "2010年活动照片", BOX);
		Map<Long, String> first = codes(catalogue());
		assertThat(first).containsExactly(
				Map.entry(plan2009, "Q001-WS·2009-D30-Ⅲ116-0001"),
				Map.entry(photo2009, "Q001-WS·2009-D30-Ⅲ116-0002"),
				Map.entry(plan2010, "Q001-WS·2010-D30-Ⅲ116-0001"),
				Map.entry(summary2010, "Q001-WS·2010-D30-Ⅲ116-0002"),
				Map.entry(photo2010, "Q001-WS·2010-D30-Ⅲ116-0003"));

		long record2009 = file("记录", "2009-01-15", "2009年补充的记录", BOX);
		assertThat(api.delete("jiedao", "/api/v1/materials/" + summary2010).status()).isEqualTo(204);
		Map<Long, String> second = codes(catalogue());
		assertThat(second).containsEntry(record2009, "Q001-WS·2009-D30-Ⅲ116-0003").doesNotContainKey(summary2010);
		first.remove(summary2010);
		assertThat(second).containsAllEntriesOf(first);

		long rule = file("制度", "2010-01-01", "创建工作制度", "Ⅲ-115");
		assertThat(codes(catalogue("Ⅲ-115"))).containsEntry(rule, "Q001-WS·2010-Y-Ⅲ115-0001");
	}

	@Test
	void theCatalogueInWordAndExcelListsTheBoxRowByRow() throws Exception {
		file("总结", "2010-12-20", "年度总结", BOX, Api.Part.file("总结.pdf", pdf(3)));
		file("方案", "2010-03-01", "活动方案", BOX, Api.Part.file("方案.docx", docxWithPages(5)));
		file("图片", "2010-05-01", "活动照片两张", BOX, photo("a.jpg", 1), photo("b.jpg", 2));

		List<List<String>> expected = List.of(
				List.of("1", "Q001-WS·2010-D30-Ⅲ116-0001", "", "档案社区", "活动方案", "20100301", "5", "补录"),
				List.of("2", "Q001-WS·2010-D30-Ⅲ116-0002", "", "档案社区", "年度总结", "20101220", "3", "补录"),
				List.of("3", "Q001-WS·2010-D30-Ⅲ116-0003", "", "档案社区", "活动照片两张", "20100501", "2", "含 2 个文件;补录"));

		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download("/catalogue.docx")))) {
			XWPFTable table = doc.getTables().get(0);
			assertThat(texts(table.getRow(0))).containsExactly("序号", "档号", "文号", "责任者", "题名", "日期", "页数", "备注");
			List<List<String>> rows = new ArrayList<>();
			for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
				rows.add(texts(row));
			}
			assertThat(rows).isEqualTo(expected);
		}
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("/catalogue.xlsx")))) {
			DataFormatter format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : book.getSheet("归档文件目录")) {
				if (row.getRowNum() >= 2) {
					List<String> cells = new ArrayList<>();
					for (int c = 0; c < 8; c++) {
						cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
					}
					rows.add(cells);
				}
			}
			assertThat(rows).isEqualTo(expected);
			assertThat(format.formatCellValue(book.getSheetAt(0).getRow(1).getCell(1))).isEqualTo("档号");
		}
	}

	@Test
	void theCoverNamesTheBox() throws Exception {
		file("方案", "2009-03-01", "方案", BOX);
		file("总结", "2011-03-01", "总结", BOX);
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(download("/cover.docx")));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("档 案 盒", "档案社区", "Ⅲ-116 讲文明树新风活动", "2009–2011", "2 件", "第 2 盒", "盒脊",
					"Q001-WS·2009-D30-Ⅲ116-0001 至 Q001-WS·2011-D30-Ⅲ116-0001");
		}
	}

	@Test
	void photoPagesCarryTheCaptionsTwoOrFourToAPage() throws Exception {
		long five = file("图片", "2010-09-22", "中秋联欢", BOX, photo("1.jpg", 1), photo("2.jpg", 2), photo("3.jpg", 3), photo("4.jpg", 4),
				photo("5.jpg", 5));
		assertThat(api.putJson("shequ1", "/api/v1/materials/" + five + "/files/0/caption", "{}").status()).as("not in scope").isEqualTo(404);
		assertThat(api.putJson("jiedao", "/api/v1/materials/" + five + "/files/0/caption",
				"{\"title\":\"月饼分享\",\"place\":\"社区活动室\",\"people\":\"王大妈、李大爷\",\"photographer\":\"张三\"}").status()).isEqualTo(200);

		try (XWPFDocument four = new XWPFDocument(new ByteArrayInputStream(download("/photos.docx?perPage=4")));
				XWPFWordExtractor text = new XWPFWordExtractor(four)) {
			assertThat(four.getAllPictures()).hasSize(5);
			assertThat(four.getTables()).hasSize(2);
			assertThat(text.getText()).contains("题名:月饼分享", "地点:社区活动室", "人物:王大妈、李大爷", "摄影者:张三",
					"时间:2010年9月22日 19:30", "题名:中秋联欢", "档号:Q001-WS·2010-D30-Ⅲ116-0001 · 照片 5");
		}
		try (XWPFDocument two = new XWPFDocument(new ByteArrayInputStream(download("/photos.docx?perPage=2")))) {
			assertThat(two.getAllPictures()).hasSize(5);
			assertThat(two.getTables()).hasSize(3);
		}
	}

	@Test
	void theCaptionSheetFillsSeveralPhotosAtOnceAndKeepsWhatItLeavesEmpty() {
		long id = file("图片", "2010-09-22", "中秋联欢", BOX, photo("1.jpg", 1), photo("2.jpg", 2), photo("3.jpg", 3));
		api.putJson("jiedao", "/api/v1/materials/" + id + "/files/2/caption", "{\"title\":\"猜灯谜\",\"place\":\"广场\"}");
		Session worker = Session.login(port, "jiedao", Api.PASSWORD);
		String sheet = "/boxes/" + community + "/" + URLEncoder.encode(BOX, StandardCharsets.UTF_8) + "/captions";
		String form = "photo=" + id + ":0&title=赏月,吃月饼&takenAt=&place=&people=&photographer="
				+ "&photo=" + id + ":1&title=&takenAt=&place=&people=&photographer="
				+ "&photo=" + id + ":2&title=猜灯谜&takenAt=&place=广场&people=&photographer="
				+ "&selected=" + id + ":1&selected=" + id + ":2&bulkTakenAt=2010-09-22T20:00&bulkPlace=&bulkPeople=&bulkPhotographer=李四";
		Session.Page saved = worker.postForm(sheet, sheet, form.replace(":", "%3A").replace(",", "%2C"));
		assertThat(saved.status()).isEqualTo(302);

		JsonNode files = api.get("admin", "/api/v1/materials/" + id).json().get("files");
		assertThat(files.get(0).get("caption").get("title").asString()).isEqualTo("赏月,吃月饼");
		assertThat(files.get(0).get("caption").get("photographer").isNull()).isTrue();
		assertThat(files.get(1).get("caption").get("photographer").asString()).isEqualTo("李四");
		assertThat(files.get(1).get("caption").get("takenAt").asString()).isEqualTo("2010-09-22T20:00:00");
		assertThat(files.get(2).get("caption").get("title").asString()).isEqualTo("猜灯谜");
		assertThat(files.get(2).get("caption").get("place").asString()).isEqualTo("广场");
		assertThat(files.get(2).get("caption").get("photographer").asString()).isEqualTo("李四");
	}

	@Test
	void exportsABoxAsAZipWhoseManifestChecksAndWhoseDownloadResumes() throws Exception {
		byte[] pdf = pdf(2);
		file("总结", "2010-12-20", "年度总结", BOX, Api.Part.file("总结.pdf", pdf));
		file("图片", "2010-05-01", "照片", BOX, photo("一.jpg", 1), photo("二.jpg", 2));
		Api.Response requested = api.postJson("jiedao", "/api/v1/exports", "{\"orgUnitId\":" + community + ",\"indicatorCodes\":[\"" + BOX + "\"]}");
		assertThat(requested.status()).isEqualTo(202);
		long id = requested.id();
		JsonNode done = awaitDone(id);
		assertThat(done.get("progress").asInt()).isEqualTo(100);
		String url = done.get("downloadUrl").asString();

		byte[] zip = api.get("jiedao", url).body();
		Map<String, String> hashes = unzip(zip);
		String manifest = new String(Base64.getDecoder().decode(hashes.remove(ExportWriter.MANIFEST)), StandardCharsets.UTF_8);
		List<String> lines = manifest.lines().toList();
		assertThat(lines).hasSize(hashes.size());
		for (String line : lines) {
			String hash = line.substring(0, 64);
			String path = line.substring(66);
			assertThat(hashes).containsEntry(path, hash);
		}
		String folder = "档案社区/02 Ⅲ-116 讲文明树新风活动/";
		assertThat(hashes.keySet()).contains(folder + "00 封面与盒脊.docx", folder + "01 归档文件目录.docx", folder + "01 归档文件目录.xlsx",
				folder + "02 照片页-01.docx", folder + "001 Q001-WS·2010-D30-Ⅲ116-0001 年度总结.pdf",
				folder + "002 Q001-WS·2010-D30-Ⅲ116-0002 照片/01 一.jpg", folder + "002 Q001-WS·2010-D30-Ⅲ116-0002 照片/02 二.jpg");
		assertThat(hashes.get(folder + "001 Q001-WS·2010-D30-Ⅲ116-0001 年度总结.pdf")).isEqualTo(sha256(pdf));

		HttpResponse<byte[]> head = range(url, "bytes=0-99");
		assertThat(head.statusCode()).isEqualTo(206);
		assertThat(head.body()).hasSize(100);
		HttpResponse<byte[]> rest = range(url, "bytes=100-");
		assertThat(rest.statusCode()).isEqualTo(206);
		ByteArrayOutputStream resumed = new ByteArrayOutputStream();
		resumed.write(head.body());
		resumed.write(rest.body());
		assertThat(resumed.toByteArray()).isEqualTo(zip);

		Session street = Session.login(port, "jiedao", Api.PASSWORD);
		Session.Page fragment = street.htmx("/exports/" + id);
		assertThat(fragment.body()).contains("id=\"export-progress\"", "100%", "已完成").doesNotContain("<html");
		assertThat(street.get("/exports/" + id).body()).contains("<html", "id=\"export-progress\"");

		assertThat(api.get("shequ1", "/api/v1/exports/" + id).status()).as("another community's export").isEqualTo(404);
		assertThat(api.get("shequ1", url).status()).isEqualTo(404);
	}

	@Test
	void exportsEveryBoxOfACommunity() throws Exception {
		file("组织机构", "2009-03-01", "领导小组", "Ⅲ-115");
		long id = api.postJson("admin", "/api/v1/exports", "{\"orgUnitId\":" + community + "}").id();
		JsonNode done = awaitDone(id);
		Map<String, String> entries = unzip(api.get("admin", done.get("downloadUrl").asString()).body());
		long boxes = entries.keySet().stream().filter(p -> p.endsWith("/00 封面与盒脊.docx")).count();
		assertThat(boxes).isEqualTo(22);
		assertThat(entries.keySet()).contains("档案社区/01 Ⅲ-115 精神文明创建组织机构/001 Q001-WS·2009-Y-Ⅲ115-0001 领导小组.docx",
				"档案社区/05 Ⅲ-52a 社区志愿服务活动/01 归档文件目录.xlsx", "档案社区/16 Ⅲ-52b 网络环境/01 归档文件目录.xlsx");
	}

	private JsonNode awaitDone(long id) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.until(() -> api.get("admin", "/api/v1/exports/" + id).json().get("state").asString(), s -> s.equals("DONE") || s.equals("FAILED"));
		JsonNode job = api.get("admin", "/api/v1/exports/" + id).json();
		assertThat(job.get("state").asString()).as(String.valueOf(job.get("error"))).isEqualTo("DONE");
		return job;
	}

	private HttpResponse<byte[]> range(String path, String range) throws Exception {
		String token = Base64.getEncoder().encodeToString(("jiedao:" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Basic " + token).header("Range", range).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** Entry path → SHA-256 (the manifest's own content is kept, Base64, under its name). */
	private static Map<String, String> unzip(byte[] zip) throws Exception {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
				byte[] bytes = in.readAllBytes();
				entries.put(entry.getName(), entry.getName().equals(ExportWriter.MANIFEST) ? Base64.getEncoder().encodeToString(bytes) : sha256(bytes));
			}
		}
		return entries;
	}

	private List<List<String>> catalogue() throws IOException {
		return catalogue(BOX);
	}

	private List<List<String>> catalogue(String code) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(code, "/catalogue.xlsx")))) {
			DataFormatter format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : book.getSheetAt(0)) {
				if (row.getRowNum() >= 2) {
					rows.add(List.of(format.formatCellValue(row.getCell(1)), format.formatCellValue(row.getCell(4))));
				}
			}
			return rows;
		}
	}

	/** Material id (found by its unique title) → archival code, in catalogue order. */
	private Map<Long, String> codes(List<List<String>> rows) {
		Map<String, Long> byTitle = new LinkedHashMap<>();
		for (JsonNode m : api.get("admin", "/api/v1/materials?orgUnitId=" + community + "&size=200").json().get("items")) {
			byTitle.put(m.get("title").asString(), m.get("id").asLong());
		}
		Map<Long, String> codes = new LinkedHashMap<>();
		rows.forEach(row -> codes.put(byTitle.get(row.get(1)), row.get(0)));
		return codes;
	}

	private byte[] download(String suffix) {
		return download(BOX, suffix);
	}

	private byte[] download(String code, String suffix) {
		if (admin == null) {
			admin = Session.login(port, "admin", Api.PASSWORD);
		}
		return admin.bytes("/boxes/" + community + "/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + suffix);
	}

	private long file(String kind, String date, String title, String code, Api.Part... files) {
		Api.Part[] parts = files.length > 0 ? files : new Api.Part[] {Api.Part.file(title + ".docx", DemoFiles.docx(title, date))};
		String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"dateFormed\":\"" + date
				+ "\",\"responsibleParty\":\"档案社区\",\"indicatorCodes\":[\"" + code + "\"]}";
		Api.Response filed = api.file("jiedao", meta, parts);
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		return filed.id();
	}

	private static Api.Part photo(String name, int n) {
		return Api.Part.file(name, DemoFiles.jpeg(400, 300, new Color(n * 40, 80, 160), LocalDateTime.of(2010, 9, 22, 19, 30)));
	}

	private static byte[] pdf(int pages) throws IOException {
		try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				pdf.addPage(new PDPage());
			}
			pdf.save(out);
			return out.toByteArray();
		}
	}

	private static byte[] docxWithPages(int pages) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("方案正文");
			doc.getProperties().getExtendedProperties().getUnderlyingProperties().setPages(pages);
			doc.write(out);
			return out.toByteArray();
		}
	}

	private static List<String> texts(XWPFTableRow row) {
		return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
