package org.chuangwen.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Doubt signals as the inspector reads them beside a material, over real uploads: the same photo in two communities,
 * a re-saved copy of a scene, a camera time far from the date formed, a document created after its date formed.
 */
@IntegrationTest
class DoubtSignalTests {

	@LocalServerPort
	int port;

	Api api;
	long east;
	long west;

	@BeforeEach
	void twoCommunities() {
		api = new Api(port);
		east = api.newCommunity("东湖社区");
		west = api.newCommunity("西岸社区");
	}

	@Test
	void theSamePhotoFiledInTwoCommunitiesIsFlaggedOnBothWithLinks() {
		byte[] photo = Scenes.photo(4711);
		long first = file(east, "图片", "重阳节敬老活动", "2010-10-16", "敬老.jpg", photo);
		long second = file(west, "图片", "九九重阳慰问", "2010-10-20", "慰问.jpg", photo);

		JsonNode signal = signal(api.get("ceping", "/api/v1/materials/" + first + "/doubts").json(), "same_photo");
		assertThat(signal).as("same photo signal").isNotNull();
		assertThat(ids(signal.get("related"))).containsExactly(second);
		assertThat(signal.get("related").get(0).get("url").asString()).isEqualTo("/materials/" + second);
		assertThat(signal.get("explanation").asString()).contains("SHA-256").contains("1 件属于其他单位");
		assertThat(ids(signal(api.get("ceping", "/api/v1/materials/" + second + "/doubts").json(), "same_photo").get("related"))).containsExactly(first);

		JsonNode community = api.get("ceping", "/api/v1/doubts?orgUnitId=" + east).json();
		assertThat(community.size()).isEqualTo(1);
		assertThat(community.get(0).get("materialId").asLong()).isEqualTo(first);
	}

	@Test
	void aResavedCopyIsANearDuplicateAndAnotherSceneIsNot() {
		long original = file(east, "图片", "文明劝导活动", "2010-06-05", "劝导.jpg", Scenes.photo(90210));
		long copy = file(west, "图片", "交通文明劝导", "2010-08-14", "劝导2.jpg", Scenes.resaved(90210));
		long other = file(west, "图片", "社区环境整治", "2010-08-14", "整治.jpg", Scenes.photo(31337));

		JsonNode near = signal(api.get("ceping", "/api/v1/materials/" + original + "/doubts").json(), "near_duplicate");
		assertThat(near).isNotNull();
		assertThat(ids(near.get("related"))).contains(copy).doesNotContain(other);
		assertThat(signal(api.get("ceping", "/api/v1/materials/" + original + "/doubts").json(), "same_photo")).as("different bytes").isNull();
		JsonNode otherNear = signal(api.get("ceping", "/api/v1/materials/" + other + "/doubts").json(), "near_duplicate");
		if (otherNear != null) {
			assertThat(ids(otherNear.get("related"))).doesNotContain(original, copy);
		}
	}

	@Test
	void aCameraTimeFarFromTheDateFormedIsFlaggedAndADayApartIsNot() {
		byte[] photo = DemoFiles.jpeg(320, 240, Color.MAGENTA, LocalDateTime.of(2010, 9, 22, 19, 30));
		long far = file(east, "图片", "中秋联欢", "2010-10-30", "中秋.jpg", photo);
		long near = file(east, "图片", "中秋联欢(次日归档)", "2010-09-23", "中秋2.jpg", photo);

		JsonNode signal = signal(api.get("ceping", "/api/v1/materials/" + far + "/doubts").json(), "camera_date");
		assertThat(signal).isNotNull();
		assertThat(signal.get("explanation").asString()).contains("2010-09-22").contains("2010-10-30").contains("38 天");
		assertThat(signal(api.get("ceping", "/api/v1/materials/" + near + "/doubts").json(), "camera_date")).isNull();
	}

	@Test
	void aDocumentCreatedAfterItsDateFormedIsFlagged() throws IOException {
		long backfilled = file(east, "方案", "2010年创建工作方案", "2010-03-01", "方案.docx", docxCreated("2011-04-02T02:00:00Z"));
		long honest = file(east, "方案", "2010年志愿服务方案", "2010-03-01", "志愿.docx", docxCreated("2010-02-20T02:00:00Z"));

		JsonNode signal = signal(api.get("ceping", "/api/v1/materials/" + backfilled + "/doubts").json(), "document_date");
		assertThat(signal).isNotNull();
		assertThat(signal.get("explanation").asString()).contains("2011-04-02").contains("2010-03-01");
		assertThat(api.get("ceping", "/api/v1/materials/" + honest + "/doubts").json().get("signals")).isEmpty();
	}

	@Test
	void aWorkerAnswersASignalAndTheInspectorReadsItButCannotWriteOne() {
		byte[] photo = DemoFiles.jpeg(320, 240, Color.CYAN, LocalDateTime.of(2009, 5, 1, 9, 0));
		long material = file(east, "图片", "五一劳动节活动", "2010-05-01", "五一.jpg", photo);

		Api.Response answered = api.postJson("jiedao", "/api/v1/materials/" + material + "/doubts/notes",
				"{\"kind\":\"camera_date\",\"note\":\"相机日期未校准,活动确在2010年5月1日举行,见签到表。\"}");
		assertThat(answered.status()).as(answered.text()).isEqualTo(201);
		Api.Response byInspector = api.postJson("ceping", "/api/v1/materials/" + material + "/doubts/notes", "{\"kind\":\"camera_date\",\"note\":\"测评员\"}");
		assertThat(byInspector.status()).isEqualTo(403);
		Api.Response unknownKind = api.postJson("jiedao", "/api/v1/materials/" + material + "/doubts/notes", "{\"kind\":\"gut_feeling\",\"note\":\"x\"}");
		assertThat(unknownKind.status()).isEqualTo(400);
		assertThat(unknownKind.json().get("error").asString()).isEqualTo("invalid_signal");

		JsonNode read = api.get("ceping", "/api/v1/materials/" + material + "/doubts").json();
		assertThat(read.get("notes")).hasSize(1);
		assertThat(read.get("notes").get(0).get("note").asString()).startsWith("相机日期未校准");
		assertThat(read.get("notes").get(0).get("writtenBy").asString()).isEqualTo("jiedao");
	}

	@Test
	void aMaterialOfAnotherCommunityIsNotFoundForItsWorker() {
		long material = file(east, "图片", "东湖活动", "2010-05-01", "东湖.jpg", Scenes.photo(777));
		Api.Response foreign = api.get("shequ1", "/api/v1/materials/" + material + "/doubts");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
		assertThat(api.get("shequ1", "/api/v1/doubts?orgUnitId=" + east).status()).isEqualTo(404);
	}

	long file(long unit, String kind, String title, String dateFormed, String fileName, byte[] content) {
		String meta = "{\"orgUnitId\":" + unit + ",\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"dateFormed\":\"" + dateFormed
				+ "\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file(fileName, content));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		return filed.id();
	}

	static JsonNode signal(JsonNode doubts, String kind) {
		for (JsonNode signal : doubts.get("signals")) {
			if (signal.get("kind").asString().equals(kind)) {
				return signal;
			}
		}
		return null;
	}

	static List<Long> ids(JsonNode related) {
		List<Long> ids = new ArrayList<>();
		related.forEach(r -> ids.add(r.get("materialId").asLong()));
		return ids;
	}

	static byte[] docxCreated(String created) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText("方案正文");
			doc.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(Instant.parse(created))));
			doc.write(out);
			return out.toByteArray();
		}
	}
}
