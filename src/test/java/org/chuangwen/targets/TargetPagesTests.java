package org.chuangwen.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages a community worker and a street official use: targets with the declare form, facilities, plans, the matrix. */
@IntegrationTest
class TargetPagesTests {

	@LocalServerPort
	int port;

	@Test
	void aCommunityDeclaresOnItsTargetsPageAndTheStreetComparesCommunities() {
		Api api = new Api(port);
		long community = api.newCommunity("页面社区" + System.nanoTime() % 100000);
		Session street = Session.login(port, "jiedao", Api.PASSWORD);
		String page = "/targets?orgUnitId=" + community;

		String before = street.get(page).body();
		assertThat(before).contains("指标目标", "未建立数据来源", "经常参加体育锻炼的人员比例", "≥ 60 %", "第 148 行", "“经常参加体育锻炼的人员达到60%以上”",
				"科教、文体、法律、卫生、环保进社区活动覆盖率");
		assertThat(before).contains("action=\"/targets/regular-exercise/declarations\"").doesNotContain("action=\"/targets/jinshequ-coverage/declarations\"");

		String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"记录\",\"title\":\"锻炼人数统计\",\"dateFormed\":\"2026-01-05\",\"indicatorCodes\":[\"Ⅲ-37\"]}";
		long material = api.file("jiedao", meta, Api.Part.file("p.jpg", DemoFiles.jpeg(16, 16, Color.GREEN, null))).id();
		Session.Page declared = street.postForm("/targets/regular-exercise/declarations", page, "orgUnitId=" + community + "&value=61&materialId=" + material);
		assertThat(declared.status()).isEqualTo(302);
		assertThat(declared.location()).contains("/targets?orgUnitId=" + community);
		String after = street.get(page).body();
		assertThat(after).contains("已填报:61.0", "jiedao 填报", "href=\"/materials/" + material + "\"");

		Session.Page refused = street.postForm("/targets/regular-exercise/declarations", page, "orgUnitId=" + community + "&value=61");
		assertThat(refused.status()).isEqualTo(302);
		assertThat(street.get(page).body()).contains("请指定证明材料");

		String matrix = street.get("/targets/matrix?orgUnitId=" + api.demoStreet()).body();
		assertThat(matrix).contains("幸福街道各社区目标对比", "和平社区", "友谊社区", "href=\"/targets?orgUnitId=" + community + "\"", "✓ 61.0");

		assertThat(Session.login(port, "shequ1", Api.PASSWORD).get(page).status()).isEqualTo(404);
		assertThat(Session.login(port, "shequ1", Api.PASSWORD).get("/targets").body()).contains("href=\"/targets\"", "和平社区");
	}

	@Test
	void facilitiesAndPlansPages() {
		Api api = new Api(port);
		long community = api.newCommunity("设施页社区" + System.nanoTime() % 100000);
		Session street = Session.login(port, "jiedao", Api.PASSWORD);
		String page = "/facilities?orgUnitId=" + community;
		assertThat(street.get(page).body()).contains("社区设施", "警务室", "未登记", "✗ 社区警务室面积 ≥50㎡");

		Session.Page recorded = street.postMultipart("/facilities", page, List.of(Api.Part.json("orgUnitId", String.valueOf(community)),
				new Api.Part("kind", null, "text/plain", "POLICE".getBytes()), new Api.Part("area", null, "text/plain", "55".getBytes()),
				new Api.Part("dateFormed", null, "text/plain", "2026-01-10".getBytes()),
				new Api.Part("photo", "警务室.jpg", "image/jpeg", DemoFiles.jpeg(20, 20, Color.BLUE, null))));
		assertThat(recorded.status()).isEqualTo(302);
		assertThat(street.get(page).body()).contains("55.0 ㎡", "✓ 社区警务室面积 ≥50㎡");

		String plans = "/plans?orgUnitId=" + community;
		assertThat(street.get(plans).body()).contains("第三篇", "加大社区基础设施建设", "第 228 行", "未开始");
		Session.Page set = street.postForm("/plans/tasks/plan-11th-3/status", plans, "orgUnitId=" + community + "&status=IN_PROGRESS&note=" + "%E5%B7%B2%E7%AB%8B%E9%A1%B9");
		assertThat(set.status()).isEqualTo(302);
		assertThat(street.get(plans).body()).contains("jiedao:已立项");
	}
}
