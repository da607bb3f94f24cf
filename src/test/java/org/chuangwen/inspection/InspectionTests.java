package org.chuangwen.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The inspector's tour: read-only for materials, grades with history, reproducible samples, the mock report. */
@IntegrationTest
class InspectionTests {

	private static final String BOX = URLEncoder.encode("Ⅲ-116", StandardCharsets.UTF_8);

	@LocalServerPort
	int port;

	Api api;
	long community;

	@BeforeEach
	void aCommunityWithMaterials() {
		api = new Api(port);
		community = api.newCommunity("测评社区");
	}

	@Test
	void theInspectorCannotChangeMaterialsButGradesWithHistory() {
		long material = file(community, "方案", "讲文明树新风活动方案", "2010-03-01", "方案.jpg", Scenes.photo(501));

		Api.Response correct = api.putJson("ceping", "/api/v1/materials/" + material, "{\"title\":\"测评员改的题名\"}");
		assertThat(correct.status()).isEqualTo(403);
		assertThat(api.delete("ceping", "/api/v1/materials/" + material).status()).isEqualTo(403);
		assertThat(api.get("ceping", "/api/v1/materials/" + material).json().get("title").asString()).isEqualTo("讲文明树新风活动方案");

		Api.Response first = api.putJson("ceping", "/api/v1/inspections/" + community + "/grades/" + BOX, "{\"grade\":\"C\",\"comment\":\"只有方案,缺总结和图片\"}");
		assertThat(first.status()).as(first.text()).isEqualTo(200);
		Api.Response second = api.putJson("ceping", "/api/v1/inspections/" + community + "/grades/" + BOX, "{\"grade\":\"B\",\"comment\":\"补充说明后上调\"}");
		assertThat(second.json().get("grade").asString()).isEqualTo("B");

		JsonNode history = api.get("ceping", "/api/v1/inspections/" + community + "/grades").json();
		assertThat(history).hasSize(2);
		assertThat(history.get(0).get("comment").asString()).isEqualTo("只有方案,缺总结和图片");
		JsonNode box = box(api.get("ceping", "/api/v1/inspections/" + community).json(), "Ⅲ-116");
		assertThat(box.get("inspectorGrade").asString()).isEqualTo("B");
		assertThat(box.get("missing").toString()).contains("总结");
		assertThat(box.get("materialIds").get(0).asLong()).isEqualTo(material);

		Api.Response invalid = api.putJson("ceping", "/api/v1/inspections/" + community + "/grades/" + BOX, "{\"grade\":\"D\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("error").asString()).isEqualTo("invalid_grade");
		Api.Response byWorker = api.putJson("jiedao:" + Api.PASSWORD, "/api/v1/inspections/" + community + "/self-grades/" + BOX, "{\"grade\":\"A\"}");
		assertThat(byWorker.status()).as(byWorker.text()).isEqualTo(200);
		assertThat(api.putJson("shequ1", "/api/v1/inspections/" + community + "/grades/" + BOX, "{\"grade\":\"A\"}").status()).as("foreign community")
				.isEqualTo(404);
		assertThat(api.putJson("ceping", "/api/v1/inspections/" + community + "/self-grades/" + BOX, "{\"grade\":\"A\"}").status()).isEqualTo(403);
	}

	@Test
	void aWorkerMayGradeItselfButNotAsTheInspector() {
		long heping = api.get("shequ1", "/api/v1/org-units").json().get(0).get("id").asLong();
		Api.Response asInspector = api.putJson("shequ1", "/api/v1/inspections/" + heping + "/grades/" + BOX, "{\"grade\":\"A\"}");
		assertThat(asInspector.status()).isEqualTo(403);
		Api.Response self = api.putJson("shequ1", "/api/v1/inspections/" + heping + "/self-grades/" + BOX, "{\"grade\":\"A\",\"comment\":\"自评\"}");
		assertThat(self.status()).as(self.text()).isEqualTo(200);
	}

	@Test
	void theSameSeedDrawsTheSameSample() {
		for (int i = 0; i < 8; i++) {
			file(community, "图片", "活动照片" + i, "2010-05-0" + (i + 1), "照片" + i + ".jpg", Scenes.photo(600 + i));
		}
		Api.Response drawn = api.postJson("ceping", "/api/v1/inspections/" + community + "/samples", "{\"size\":3,\"seed\":20101001}");
		assertThat(drawn.status()).as(drawn.text()).isEqualTo(201);
		assertThat(drawn.json().get("seed").asLong()).isEqualTo(20101001L);
		assertThat(ids(drawn.json().get("materials"))).hasSize(3);
		Api.Response again = api.postJson("ceping", "/api/v1/inspections/" + community + "/samples", "{\"size\":3,\"seed\":20101001}");
		assertThat(ids(again.json().get("materials"))).isEqualTo(ids(drawn.json().get("materials")));

		JsonNode unseeded = api.postJson("ceping", "/api/v1/inspections/" + community + "/samples", "{\"size\":5}").json();
		JsonNode repeated = api.postJson("ceping", "/api/v1/inspections/" + community + "/samples", "{\"size\":5,\"seed\":" + unseeded.get("seed").asLong() + "}")
				.json();
		assertThat(ids(repeated.get("materials"))).isEqualTo(ids(unseeded.get("materials")));

		assertThat(api.postJson("ceping", "/api/v1/inspections/" + community + "/samples", "{\"size\":0}").json().get("error").asString()).isEqualTo("invalid_size");
		assertThat(api.postJson("jiedao", "/api/v1/inspections/" + community + "/samples", "{\"size\":2}").status()).as("a street office inspects too")
				.isEqualTo(201);
	}

	@Test
	void theInspectorMarksSampledMaterialsAndTheReportShowsGradesSignalsAndDoubtfulMaterials() throws IOException {
		byte[] photo = Scenes.photo(8080);
		long kept = file(community, "图片", "邻里节合影", "2010-06-12", "合影.jpg", photo);
		long other = api.newCommunity("对照社区");
		file(other, "图片", "邻里守望活动", "2010-09-01", "守望.jpg", photo);

		JsonNode sample = api.postJson("ceping", "/api/v1/inspections/" + community + "/samples", "{\"size\":1,\"seed\":7}").json();
		long sampleId = sample.get("id").asLong();
		assertThat(ids(sample.get("materials"))).containsExactly(kept);
		Api.Response byWorker = api.putJson("jiedao", "/api/v1/inspections/samples/" + sampleId + "/materials/" + kept, "{\"verdict\":\"verified\"}");
		assertThat(byWorker.status()).as("a street office may inspect").isEqualTo(200);
		Api.Response marked = api.putJson("ceping", "/api/v1/inspections/samples/" + sampleId + "/materials/" + kept,
				"{\"verdict\":\"doubtful\",\"note\":\"与对照社区的照片完全相同\"}");
		assertThat(marked.status()).as(marked.text()).isEqualTo(200);
		assertThat(marked.json().get("materials").get(0).get("verdict").asString()).isEqualTo("doubtful");
		assertThat(api.putJson("ceping", "/api/v1/inspections/samples/" + sampleId + "/materials/" + kept, "{\"verdict\":\"maybe\"}").json().get("error")
				.asString()).isEqualTo("invalid_verdict");

		api.putJson("ceping", "/api/v1/inspections/" + community + "/grades/" + BOX, "{\"grade\":\"C#\",\"comment\":\"照片重复使用\"}");
		api.putJson("jiedao", "/api/v1/inspections/" + community + "/self-grades/" + BOX, "{\"grade\":\"A\"}");

		Api.Response report = api.get("ceping", "/api/v1/inspections/" + community + "/report.docx");
		assertThat(report.status()).as(report.text()).isEqualTo(200);
		assertThat(report.headers().firstValue("Content-Type").orElse("")).contains("wordprocessingml");
		String text = text(report.body());
		assertThat(text).contains("测评社区模拟测评报告").contains("照片重复使用").contains("C#").contains("A(自评)")
				.contains("与对照社区的照片完全相同").contains("SHA-256").contains("C#(推定)")
				.as("the registry's targets, the plans' too, with what each has so far").contains("选民参选率 ≥ 80%", "图书室藏书", "尚无数据");

		Api.Response street = api.get("ceping", "/api/v1/inspections/" + api.demoStreet() + "/report.docx");
		assertThat(street.status()).isEqualTo(200);
		assertThat(text(street.body())).contains("幸福街道模拟测评报告").contains("和平社区").contains("友谊社区").contains("测评社区");
		assertThat(api.get("shequ1", "/api/v1/inspections/" + community + "/report.docx").status()).isEqualTo(404);
	}

	long file(long unit, String kind, String title, String dateFormed, String fileName, byte[] content) {
		String meta = "{\"orgUnitId\":" + unit + ",\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"dateFormed\":\"" + dateFormed
				+ "\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file(fileName, content));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		return filed.id();
	}

	static JsonNode box(JsonNode tour, String code) {
		for (JsonNode box : tour.get("boxes")) {
			if (box.get("indicatorCode").asString().equals(code)) {
				return box;
			}
		}
		throw new AssertionError("no box " + code);
	}

	static List<Long> ids(JsonNode materials) {
		List<Long> ids = new ArrayList<>();
		materials.forEach(m -> ids.add(m.get("materialId").asLong()));
		return ids;
	}

	static String text(byte[] docx) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
	}
}
