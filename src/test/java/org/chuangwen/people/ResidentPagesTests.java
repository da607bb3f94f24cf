package org.chuangwen.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The resident form: a person added, refused with a Chinese message when the number is wrong, edited without retyping it. */
@IntegrationTest
class ResidentPagesTests {

	@LocalServerPort
	int port;

	@Test
	void aResidentIsAddedAndEditedInTheFormAndTheOldValuesKept() {
		Api api = new Api(port);
		long community = api.newCommunity("表单社区");
		long building = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"5号楼\"}").id();
		String id = Rosters.id("19881212", 551);
		Session worker = Session.login(port, "jiedao", Api.PASSWORD);
		String newForm = "/residents/new?orgUnitId=" + community;
		assertThat(worker.get(newForm).body()).contains("5号楼").contains("空巢老人");

		Session.Page refused = worker.postForm("/residents", newForm, form(building, "王强", "男", Rosters.broken(id), "13500000001", "301"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("身份证号校验位不正确");

		Session.Page added = worker.postForm("/residents", newForm, form(building, "王强", "男", id, "13500000001", "301"));
		assertThat(added.status()).isEqualTo(302);
		String page = added.location().replaceFirst("^https?://[^/]+", "");
		assertThat(worker.get(page).body()).contains("王强").contains("135****0001").doesNotContain(id);

		Session.Page edited = worker.postForm(page, page + "/edit", form(building, "王强", "", "", "", "302"));
		assertThat(edited.status()).isEqualTo(302);
		String after = worker.get(page).body();
		assertThat(after).contains("302").contains("135****0001").contains("第 1 版");
		JsonNode found = api.get("jiedao", "/api/v1/residents?orgUnitId=" + community + "&q=wq").json().get("items");
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("roomNo").asString()).isEqualTo("302");
		assertThat(found.get(0).get("version").asInt()).isEqualTo(2);
		assertThat(Session.login(port, "ceping", Api.PASSWORD).get("/residents/new?orgUnitId=" + community).status()).isEqualTo(403);
	}

	private static String form(long building, String name, String sex, String id, String phone, String room) {
		return String.join("&", List.of("buildingId=" + building, "name=" + enc(name), "sex=" + enc(sex), "idNumber=" + id, "phone=" + phone,
				"unitNo=" + enc("1单元"), "roomNo=" + room, "relation=" + enc("户主"), "category=", "careGroups=" + enc("空巢老人")));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
