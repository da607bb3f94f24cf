package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import javax.imageio.ImageIO;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

class FileTypesTests {

	private final FileTypes types = new FileTypes(EvidenceProperties.Inspection.DEFAULTS);

	@Test
	void recognisesPhotosPdfAndOfficeDocumentsByTheirBytes() throws Exception {
		assertThat(detect(DemoFiles.jpeg(8, 8, Color.RED, null))).isEqualTo("image/jpeg");
		assertThat(detect(png())).isEqualTo("image/png");
		assertThat(detect("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("application/pdf");
		assertThat(detect(DemoFiles.docx("题名", "正文"))).isEqualTo(FileTypes.DOCX);
		assertThat(detect(DemoFiles.xlsx("表", new String[] {"a"}))).isEqualTo(FileTypes.XLSX);
		assertThat(detect(pptx())).isEqualTo(FileTypes.PPTX);
		assertThat(detect(xls())).isEqualTo("application/vnd.ms-excel");
	}

	@Test
	void refusesEverythingElse() throws Exception {
		assertThat(detect("MZ\u0090\u0000 executable".getBytes(StandardCharsets.ISO_8859_1))).isNull();
		assertThat(detect("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(detect("just text".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(detect(new byte[] {'P', 'K', 3, 4, 0, 0})).as("a broken zip").isNull();
	}

	@Test
	void refusesWhatCannotBeCheckedWithinTheTimeBudget() {
		FileTypes hurried = new FileTypes(new EvidenceProperties.Inspection(0, null, null, 0, Duration.ofNanos(1), 0, null));
		assertThatThrownBy(() -> hurried.inspect(new ByteArrayResource(DemoFiles.docx("题名", "正文")))).isInstanceOf(FileRefused.class)
				.extracting("messageKey").isEqualTo("error.upload.too-slow");
	}

	@Test
	void namesCarryTheExtensionOfTheirContent() {
		assertThat(StoredNames.matching("poly.html", "image/jpeg")).isEqualTo("poly.jpg");
		assertThat(StoredNames.matching("活动照片", "image/jpeg")).isEqualTo("活动照片.jpg");
		assertThat(StoredNames.matching("现场.JPEG", "image/jpeg")).isEqualTo("现场.JPEG");
		assertThat(StoredNames.matching("方案.doc", FileTypes.DOCX)).isEqualTo("方案.docx");
		assertThat(StoredNames.matching("2010.年度总结", "application/pdf")).isEqualTo("2010.年度总结.pdf");
		assertThat(StoredNames.matching(".pdf", "application/pdf")).isEqualTo(".pdf");
		assertThat(StoredNames.matching(".html", "application/pdf")).isEqualTo("file.pdf");
		assertThat(StoredNames.matching("a\u0007b\ud800.png", "image/png")).isEqualTo("ab\uFFFD.png");
	}

	@Test
	void readsTheCameraTimeOnlyWhereThePhotoHasOne() {
		LocalDateTime taken = LocalDateTime.of(2009, 10, 1, 8, 0, 59);
		assertThat(types.takenAt(new ByteArrayResource(DemoFiles.jpeg(8, 8, Color.BLUE, taken)))).isEqualTo(taken);
		assertThat(types.takenAt(new ByteArrayResource(DemoFiles.jpeg(8, 8, Color.BLUE, null)))).isNull();
		assertThat(types.takenAt(new ByteArrayResource("not a photo".getBytes(StandardCharsets.UTF_8)))).isNull();
	}

	private String detect(byte[] bytes) throws Exception {
		return types.detect(new ByteArrayResource(bytes));
	}

	private static byte[] png() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	private static byte[] pptx() throws IOException {
		try (XMLSlideShow show = new XMLSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			show.createSlide();
			show.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] xls() throws IOException {
		try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			book.createSheet("表").createRow(0).createCell(0).setCellValue("张三");
			book.write(out);
			return out.toByteArray();
		}
	}
}
