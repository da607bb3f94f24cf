package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
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

/** 成文日期 taken from the file itself when none is typed, and never silently today. */
@IntegrationTest
class FileDateTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StorageProperties storage;

	Api api;
	long community;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		community = api.newCommunity("日期社区");
	}

	@Test
	void aPhotoWithoutATypedDateIsFiledOnItsCaptureDay() {
		Api.Response filed = api.file("jiedao", meta("活动照片"),
				Api.Part.file("活动.jpg", DemoFiles.jpeg(320, 240, Color.ORANGE, LocalDateTime.of(2010, 9, 22, 19, 30))));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		assertThat(filed.json().get("dateFormed").asString()).isEqualTo("2010-09-22");
	}

	@Test
	void aWordDocumentWithoutATypedDateIsFiledOnItsCreatedDay() throws IOException {
		Api.Response filed = api.file("jiedao", meta("年度工作计划"), Api.Part.file("计划.docx", docxCreated("2010-05-04T01:30:00Z")));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		assertThat(filed.json().get("dateFormed").asString()).isEqualTo("2010-05-04");
	}

	@Test
	void withoutAnyDateTheFilingIsRefusedAndNothingIsStored() throws IOException {
		StoreSnapshot before = StoreSnapshot.of(jdbc, storage);
		Api.Response refused = api.file("jiedao", meta("没有日期的图"), Api.Part.file("图.png", png()));
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).isEqualTo("invalid_date");
		assertThat(StoreSnapshot.of(jdbc, storage)).isEqualTo(before);
	}

	@Test
	void aTypedDateWinsOverTheFilesDate() throws IOException {
		String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"方案\",\"title\":\"方案\",\"dateFormed\":\"2009-12-01\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file("方案.docx", docxCreated("2010-05-04T01:30:00Z")));
		assertThat(filed.json().get("dateFormed").asString()).isEqualTo("2009-12-01");
	}

	@Test
	void theUploadFormIsProposedTitleDateAndResponsibleParty() throws IOException {
		Api.Response proposal = api.postMultipart("jiedao", "/api/v1/materials/propose?orgUnitId=" + community,
				List.of(Api.Part.file("2010年度创建工作计划.docx", docxCreated("2010-05-04T01:30:00Z"))));
		assertThat(proposal.status()).as(proposal.text()).isEqualTo(200);
		assertThat(proposal.json().get("title").asString()).isEqualTo("2010年度创建工作计划");
		assertThat(proposal.json().get("dateFormed").asString()).isEqualTo("2010-05-04");
		assertThat(proposal.json().get("dateSource").asString()).isEqualTo("document");
		assertThat(proposal.json().get("responsibleParty").asString()).isEqualTo("日期社区");

		JsonNode none = api.postMultipart("jiedao", "/api/v1/materials/propose", List.of(Api.Part.file("扫描件.png", png()))).json();
		assertThat(none.get("title").asString()).isEqualTo("扫描件");
		assertThat(none.get("dateFormed").isNull()).as("no date is better than today").isTrue();
	}

	private String meta(String title) {
		return "{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"" + title + "\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
	}

	private static byte[] docxCreated(String created) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("计划正文");
			doc.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(Instant.parse(created))));
			doc.write(out);
			return out.toByteArray();
		}
	}

	private static byte[] png() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}
}
