package org.chuangwen.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Households formed from the roster's addresses, by import and by the form, and a resident moving between them. */
@IntegrationTest
class HouseholdTests {

	@LocalServerPort
	int port;

	@Autowired
	Households households;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService accounts;

	Api api;
	long community;
	long building;
	String born;

	@BeforeEach
	void aFreshCommunityWithABuilding() {
		api = new Api(port);
		community = api.newCommunity("户籍" + System.nanoTime() % 100000 + "社区");
		building = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"1号楼\"}").id();
		born = LocalDate.of(1970, 1, 1).plusDays(System.nanoTime() % 7000).format(DateTimeFormatter.BASIC_ISO_DATE);
	}

	@Test
	void theRosterFormsOneHouseholdPerAddressWithItsHead() {
		import_(List.of(
				row("刘备", "女", Rosters.id(born, 2), "2", "301", "配偶"),
				row("关羽", "男", Rosters.id(born, 1), "2", "301", "户主"),
				row("张飞", "男", Rosters.id(born, 3), "2单元", "302", "子女"),
				row("赵云", "男", Rosters.id(born, 5), "", "", "户主")));

		JsonNode page = api.get("jiedao", "/api/v1/households?orgUnitId=" + community).json();
		assertThat(page.get("total").asLong()).as("赵云 has no 门牌, so no household").isEqualTo(2);
		JsonNode first = page.get("items").get(0);
		assertThat(first.get("address").asString()).isEqualTo("1号楼2单元301");
		assertThat(first.get("headName").asString()).isEqualTo("关羽");
		assertThat(first.get("members")).extracting(m -> m.get("name").asString()).containsExactly("刘备", "关羽");
		assertThat(first.get("members").get(0).get("idNumberMasked").asString()).contains("****");
		assertThat(page.toString()).doesNotContain(Rosters.id(born, 2));
		JsonNode second = page.get("items").get(1);
		assertThat(second.get("address").asString()).isEqualTo("1号楼2单元302");
		assertThat(second.get("headName").asString()).as("nobody is 户主: the first member").isEqualTo("张飞");

		assertThat(api.get("jiedao", "/api/v1/households?orgUnitId=" + community + "&q=zf").json().get("items")).extracting(h -> h.get("address").asString())
				.containsExactly("1号楼2单元302");
		assertThat(api.get("shequ1", "/api/v1/households?orgUnitId=" + community).status()).as("another unit's households").isEqualTo(404);

		// the same file again changes nothing, a moved row moves the person
		import_(List.of(row("张飞", "男", Rosters.id(born, 3), "2单元", "301", "子女")));
		JsonNode moved = api.get("jiedao", "/api/v1/households?orgUnitId=" + community).json();
		assertThat(moved.get("total").asLong()).isEqualTo(1);
		assertThat(moved.get("items").get(0).get("members")).extracting(m -> m.get("name").asString()).containsExactly("刘备", "关羽", "张飞");
		long residentId = moved.get("items").get(0).get("members").get(2).get("id").asLong();
		assertThat(api.get("jiedao", "/api/v1/residents/" + residentId + "/history").json().get(0).get("roomNo").asString())
				.as("the old address stays in the history").isEqualTo("302");
	}

	@Test
	void theFormPutsAResidentIntoTheHouseholdOfTheAddressAndMovesThem() {
		Session worker = Session.login(port, "jiedao", Api.PASSWORD);
		String newForm = "/residents/new?orgUnitId=" + community;
		Session.Page added = worker.postForm("/residents", newForm, form("马超", Rosters.id(born, 7), "", "501"));
		assertThat(added.status()).isEqualTo(302);
		long household = api.get("jiedao", "/api/v1/households?orgUnitId=" + community).json().get("items").get(0).get("id").asLong();
		String page = added.location().replaceFirst("^https?://[^/]+", "");
		assertThat(worker.postForm(page, page + "/edit", form("马超", "", "", "502")).status()).isEqualTo(302);

		JsonNode items = api.get("jiedao", "/api/v1/households?orgUnitId=" + community).json().get("items");
		assertThat(items).hasSize(1);
		assertThat(items.get(0).get("address").asString()).isEqualTo("1号楼1单元502");
		assertThat(items.get(0).get("id").asLong()).isNotEqualTo(household);
	}

	@Test
	void thePublishedServiceIsScoped() {
		import_(List.of(row("黄忠", "男", Rosters.id(born, 9), "1", "101", "户主"), row("魏延", "男", Rosters.id(born, 11), "1", "102", "户主")));
		JsonNode items = api.get("jiedao", "/api/v1/households?orgUnitId=" + community).json().get("items");
		long id = items.get(0).get("id").asLong();
		assertThat(asUser("jiedao", () -> households.countAt(community))).isEqualTo(2L);
		assertThat(asUser("jiedao", () -> households.householdsAt(community))).extracting(HouseholdRef::address)
				.containsExactly("1号楼1单元101", "1号楼1单元102");
		assertThat(asUser("jiedao", () -> households.household(id))).get().extracting(HouseholdRef::headName).isEqualTo("黄忠");
		assertThat(asUser("shequ1", () -> households.household(id))).isEmpty();
		assertThat(asUser("shequ1", () -> {
			try {
				households.countAt(community);
				return 200;
			} catch (org.chuangwen.platform.UserFacingException e) {
				return e.status().value();
			}
		})).isEqualTo(404);
	}

	private <T> T asUser(String username, java.util.function.Supplier<T> work) {
		return AsCaller.run(accounts, username, work);
	}

	private void import_(List<List<String>> rows) {
		Api.Response response = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community,
				List.of(Api.Part.file("花名册.xlsx", Rosters.xlsx(rows))));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		assertThat(response.json().get("rejected").asInt()).as(response.text()).isZero();
	}

	private static List<String> row(String name, String sex, String id, String unit, String room, String relation) {
		return List.of(name, sex, id, "", "1号楼", unit, room, relation, "户籍人口", "");
	}

	private String form(String name, String id, String sex, String room) {
		return String.join("&", List.of("buildingId=" + building, "name=" + enc(name), "sex=" + enc(sex), "idNumber=" + id, "phone=",
				"unitNo=" + enc("1单元"), "roomNo=" + room, "relation=" + enc("户主"), "category=", "careGroups="));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
