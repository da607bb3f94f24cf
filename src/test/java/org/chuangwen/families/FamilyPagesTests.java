package org.chuangwen.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The 文明家庭 page as a worker uses it: nominate, review, award, revoke; the share with its definition and rows. */
@IntegrationTest
class FamilyPagesTests {

	@LocalServerPort
	int port;

	@Test
	void aWorkerNominatesReviewsAwardsAndRevokesOnThePage() {
		Api api = new Api(port);
		FamilyFixture unit = new FamilyFixture(api, 4);
		String page = "/families?orgUnitId=" + unit.community;
		Session worker = Session.login(port, "jiedao", Api.PASSWORD);
		String body = worker.get(page).body();
		assertThat(body).contains("区级以上(含区级)文明家庭户数 ÷ 社区总户数", "0 / 4 户", "8号楼1单元101 · 户主1");

		Session.Page nominated = worker.postForm("/families/nominations", page, "orgUnitId=" + unit.community + "&householdId=" + unit.household(2)
				+ "&nominatorKind=RESIDENT&nominatorName=" + enc("邻居王") + "&reason=" + enc("热心助邻"));
		assertThat(nominated.status()).isEqualTo(302);
		JsonNode nomination = api.get("jiedao", "/api/v1/families/nominations?orgUnitId=" + unit.community).json().get(0);
		StringBuilder review = new StringBuilder("orgUnitId=" + unit.community);
		api.get("jiedao", "/api/v1/families/criteria").json().forEach(c -> review.append("&met").append(c.get("id").asLong()).append("=on"));
		assertThat(worker.postForm("/families/nominations/" + nomination.get("id").asLong() + "/review", page, review.toString()).status()).isEqualTo(302);
		assertThat(worker.get(page).body()).contains("评审通过", "邻居王", "爱国守法、热心公益好");

		assertThat(worker.postForm("/families/awards", page, "orgUnitId=" + unit.community + "&householdId=" + unit.household(2) + "&level=CITY"
				+ "&awardedOn=2026-04-01&plaqueOn=2026-04-10&nominationId=" + nomination.get("id").asLong()).status()).isEqualTo(302);
		String awarded = worker.get(page).body();
		assertThat(awarded).contains("1 / 4 户", "25.0%", "8号楼1单元102", "市级", "2026-04-10");
		assertThat(worker.get(page + "&counted=true").body()).contains("计入比例的文明家庭", "8号楼1单元102");

		Session.Page refused = worker.postForm("/families/awards", page, "orgUnitId=" + unit.community + "&householdId=" + unit.household(1)
				+ "&level=GALAXY&awardedOn=2026-04-01");
		assertThat(refused.status()).isEqualTo(302);
		assertThat(worker.get(page).body()).contains("荣誉级别只能是");

		long award = api.get("jiedao", "/api/v1/families/awards?orgUnitId=" + unit.community).json().get(0).get("id").asLong();
		assertThat(worker.postForm("/families/awards/" + award + "/revoke", page, "orgUnitId=" + unit.community + "&reason=" + enc("搬离本社区"))
				.status()).isEqualTo(302);
		String after = worker.get(page).body();
		assertThat(after).contains("已撤销:搬离本社区", "0 / 4 户");

		Session inspector = Session.login(port, "ceping", Api.PASSWORD);
		String readOnly = inspector.get(page).body();
		assertThat(readOnly).contains("文明家庭", "0 / 4 户").doesNotContain("data-testid=\"families-nominate\"");
		assertThat(Session.login(port, "shequ1", Api.PASSWORD).get(page).status()).isEqualTo(404);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
