package org.chuangwen.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tour page as the inspector and a worker see it: doubt badges beside materials, grading, sampling, answering. */
@IntegrationTest
class InspectionPageTests {

	@LocalServerPort
	int port;

	@Test
	void theInspectorToursACommunityGradesAndDrawsASampleAndTheWorkerAnswersASignal() {
		Api api = new Api(port);
		long community = api.newCommunity("巡查社区");
		long other = api.newCommunity("比对社区");
		byte[] photo = Scenes.photo(2468);
		long material = file(api, community, "植树节义务植树", "2010-03-12", photo);
		file(api, other, "春季绿化活动", "2010-04-02", photo);

		Session inspector = Session.login(port, "ceping", Api.PASSWORD);
		assertThat(inspector.get("/inspection").body()).contains("巡查社区").contains("比对社区");
		Session.Page tour = inspector.get("/inspection/" + community);
		assertThat(tour.status()).isEqualTo(200);
		assertThat(tour.body()).contains("植树节义务植树").contains("data-testid=\"doubt\"").contains("同一照片").contains("春季绿化活动")
				.contains("测评:未评").doesNotContain("name=\"note\" maxlength=\"1000\" required");

		Session.Page graded = inspector.postForm("/inspection/" + community + "/grades", "/inspection/" + community,
				"indicatorCode=" + enc("Ⅲ-116") + "&source=INSPECTOR&grade=" + enc("C#") + "&comment=" + enc("照片与比对社区重复"));
		assertThat(graded.status()).isEqualTo(302);
		assertThat(inspector.get("/inspection/" + community).body()).contains("测评:C#").contains("照片与比对社区重复");

		Session.Page drawn = inspector.postForm("/inspection/" + community + "/samples", "/inspection/" + community, "size=1&seed=99");
		assertThat(drawn.status()).isEqualTo(302);
		assertThat(inspector.get("/inspection/" + community).body()).contains("随机种子 99").contains("data-testid=\"sample\"");

		Session worker = Session.login(port, "jiedao", Api.PASSWORD);
		Session.Page answered = worker.postForm("/inspection/" + community + "/materials/" + material + "/notes", "/inspection/" + community,
				"kind=same_photo&note=" + enc("两社区联合开展,共用一张照片"));
		assertThat(answered.status()).isEqualTo(302);
		assertThat(inspector.get("/inspection/" + community).body()).contains("两社区联合开展,共用一张照片");
		assertThat(inspector.bytes("/inspection/" + community + "/report.docx")).isNotEmpty();
	}

	static long file(Api api, long unit, String title, String dateFormed, byte[] content) {
		String meta = "{\"orgUnitId\":" + unit + ",\"kind\":\"图片\",\"title\":\"" + title + "\",\"dateFormed\":\"" + dateFormed + "\",\"indicatorCodes\":[\"Ⅲ-116\"]}";
		Api.Response filed = api.file("jiedao", meta, Api.Part.file(title + ".jpg", content));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		return filed.id();
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
