package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.platform.StorageProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Hostile files sent as a worker would send them: an Office file that expands to gigabytes, one whose document.xml
 * does, one with thousands of entries, a 30000 × 30000 PNG and a PDF whose cross-reference stream expands to a
 * gigabyte are refused with a Chinese message naming the file and the reason ({@code 422 file_too_complex}), and leave
 * no row, no blob and no partial file. Ordinary documents and a large phone photo still pass.
 */
@IntegrationTest
class HostileFileTests {

	private static final long MB = 1 << 20;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StorageProperties storage;

	Api api;
	long community;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		community = api.get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
	}

	@Test
	void theHostileFilesAreSmallAndExpandAsTheyClaim() throws IOException {
		byte[] bomb = HostileFiles.docxWithExpandingMedia(64 * MB);
		assertThat(bomb.length).isLessThan(100_000);
		assertThat(expandedSizes(bomb)).containsExactly(HostileFiles.CONTENT_TYPES.length() + 0L, HostileFiles.DOCUMENT.length() + 0L, 64 * MB,
				HostileFiles.APP.length() + 0L);
		assertThat(HostileFiles.docxWithExpandingMedia(1536 * MB).length).isLessThan(2_000_000);
		assertThat(HostileFiles.png(30000, 30000).length).isLessThan(200_000);
	}

	@Test
	void refusesADocxThatExpandsToGigabytes() throws IOException {
		refused(HostileFiles.docxWithExpandingMedia(1536 * MB), "活动方案.docx", "word/media/image1.png", "解压后超过 512 MB");
	}

	@Test
	void refusesADocxWhoseDocumentXmlIsHuge() throws IOException {
		refused(HostileFiles.docxWithHugeDocument(1536 * MB), "总结.docx", "word/document.xml", "解压后超过 512 MB");
	}

	@Test
	void countsWhatAnEntryReallyExpandsToNotWhatItsHeaderDeclares() throws IOException {
		refused(HostileFiles.docxDeclaringLess(1536 * MB, 1000), "申报表.docx", "word/document.xml", "压缩比超过 200 倍");
	}

	@Test
	void refusesAnOfficeFileWhoseDirectoryListsAnEntryNotStoredInSequence() throws IOException {
		refused(HostileFiles.docxWithHiddenEntry("word/media/hidden.bin"), "通知.docx", "目录与其中实际存放的内容不一致");
	}

	@Test
	void refusesAnOfficeFileWithTensOfThousandsOfEntries() throws IOException {
		refused(HostileFiles.docxWithEntries(12_000), "台账.docx", "压缩条目超过 10000 个");
	}

	@Test
	void refusesAPngOfThirtyThousandPixelsSquare() throws IOException {
		refused(HostileFiles.png(30000, 30000), "巨幅照片.png", "30000×30000 像素", "200 百万像素");
	}

	@Test
	void refusesAPdfWhoseCrossReferenceStreamExpandsToAGigabyte() throws IOException {
		refused(xrefBomb(1024 * MB), "报告.pdf", "PDF", "128 MB");
	}

	@Test
	void ordinaryOfficeFilesPdfsAndALargePhonePhotoStillPass() throws IOException {
		byte[] photo = DemoFiles.jpeg(4000, 3000, new Color(0x336699), null);
		Api.Response filed = api.file("shequ1", meta("图片", "正常的文件"), Api.Part.file("方案.docx", DemoFiles.docx("方案", "正文")),
				Api.Part.file("名单.xlsx", DemoFiles.xlsx("表", new String[] {"姓名"}, new String[] {"张三"})), Api.Part.file("报告.pdf", pdf(3)),
				Api.Part.file("现场.jpg", photo));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		JsonNode files = filed.json().get("files");
		assertThat(files).extracting(f -> f.get("contentType").asString())
				.containsExactly(FileTypes.DOCX, FileTypes.XLSX, "application/pdf", "image/jpeg");
		assertThat(files.get(2).get("pages").asInt()).isEqualTo(3);
		assertThat(files.get(3).get("pages").asInt()).isEqualTo(1);
	}

	private void refused(byte[] hostile, String name, String... reason) throws IOException {
		assertThat(hostile.length).as("the hostile file stays small").isLessThan(2_000_000);
		StoreSnapshot before = StoreSnapshot.of(jdbc, storage);
		Api.Response refused = api.file("shequ1", meta("方案", "可疑文件"), Api.Part.file("正常.jpg", DemoFiles.jpeg(32, 32, Color.RED, null)),
				Api.Part.file(name, hostile));
		assertThat(refused.status()).as(refused.text()).isEqualTo(422);
		assertThat(refused.json().get("error").asString()).isEqualTo("file_too_complex");
		assertThat(refused.json().get("message").asString()).contains(name).contains(reason).contains("未保存任何文件");
		assertThat(StoreSnapshot.of(jdbc, storage)).isEqualTo(before);
	}

	private String meta(String kind, String title) {
		return "{\"orgUnitId\":" + community + ",\"kind\":\"" + kind + "\",\"title\":\"" + title
				+ "\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
	}

	private static List<Long> expandedSizes(byte[] zip) throws IOException {
		List<Long> sizes = new ArrayList<>();
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
				long size = 0;
				for (int n; (n = in.read(buffer)) > 0; ) {
					size += n;
				}
				sizes.add(size);
			}
		}
		return sizes;
	}

	static byte[] pdf(int pages) throws IOException {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				doc.addPage(new PDPage());
			}
			doc.save(out);
			return out.toByteArray();
		}
	}

	/** A one-page PDF whose cross-reference stream is {@code size} deflated zeros: PDFBox decodes it on the heap to open the file. */
	static byte[] xrefBomb(long size) throws IOException {
		ByteArrayOutputStream zeros = new ByteArrayOutputStream();
		byte[] block = new byte[(int) MB];
		try (DeflaterOutputStream out = new DeflaterOutputStream(zeros, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
			for (long i = 0; i < size; i += block.length) {
				out.write(block);
			}
		}
		ByteArrayOutputStream pdf = new ByteArrayOutputStream();
		PrintStream p = new PrintStream(pdf, true, StandardCharsets.ISO_8859_1);
		p.print("%PDF-1.5\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
				+ "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n");
		int xref = pdf.size();
		p.print("4 0 obj<</Type/XRef/Size 5/W[1 2 1]/Root 1 0 R/Filter/FlateDecode/Length " + zeros.size() + ">>stream\n");
		pdf.writeBytes(zeros.toByteArray());
		p.print("\nendstream endobj\nstartxref\n" + xref + "\n%%EOF\n");
		return pdf.toByteArray();
	}

}
