package org.chuangwen.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A volunteer registered as one of the residents: the link is checked against the roster and the caller's scope. */
@IntegrationTest
class VolunteerLinkTests {

	@LocalServerPort
	int port;

	@Test
	void aVolunteerLinksToAResidentInScopeAndNeverToAnUnknownOrForeignOne() {
		Api api = new Api(port);
		long community = api.newCommunity("志愿居民社区");
		api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"1号楼\"}");
		byte[] roster = Rosters.xlsx(List.of(Rosters.row("赵志愿", "男", Rosters.id("19800101", 901), "13700009901", "1号楼", "101", "")));
		Api.Response imported = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx", roster)));
		assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
		long resident = api.get("jiedao", "/api/v1/residents?orgUnitId=" + community + "&q=zhaozhiyuan").json().get("items").get(0).get("id").asLong();

		Api.Response linked = api.postJson("jiedao", "/api/v1/volunteers",
				"{\"orgUnitId\":" + community + ",\"name\":\"赵志愿\",\"phone\":\"13700009901\",\"residentId\":" + resident + "}");
		assertThat(linked.status()).isEqualTo(201);

		Api.Response unknown = api.postJson("jiedao", "/api/v1/volunteers",
				"{\"orgUnitId\":" + community + ",\"name\":\"钱某\",\"phone\":\"13700009902\",\"residentId\":" + (resident + 100000) + "}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("message").asString()).contains("找不到该居民");

		// shequ1 works in another community: the resident exists but is not theirs to link
		Api.Response foreign = api.postJson("shequ1", "/api/v1/volunteers", "{\"name\":\"孙某\",\"phone\":\"13700009903\",\"residentId\":" + resident + "}");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(api.get("jiedao", "/api/v1/volunteers?q=" + URLEncoder.encode("孙某", StandardCharsets.UTF_8)).json().get("items")).isEmpty();
	}
}
