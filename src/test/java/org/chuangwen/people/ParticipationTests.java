package org.chuangwen.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Ⅲ-53 from held activities: residents who checked in to a 公益 activity, by phone, over all residents. */
@IntegrationTest
class ParticipationTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	@LocalServerPort
	int port;

	@Autowired
	Residents residents;

	Api api;
	long community;

	@BeforeEach
	void aCommunityWithThreeResidents() {
		api = new Api(port);
		long street = api.demoStreet();
		community = create(street, "COMMUNITY", "公益社区");
		create(community, "BUILDING", "1号楼");
		Api.Response imported = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx",
				Rosters.xlsx(List.of(
						Rosters.row("甲", "男", Rosters.id("19600101", 901), "13700000001", "1号楼", "1", ""),
						Rosters.row("乙", "女", Rosters.id("19600101", 902), "13700000002", "1号楼", "2", ""),
						Rosters.row("丙", "男", Rosters.id("19600101", 903), "13700000003", "1号楼", "3", ""))))));
		assertThat(imported.json().get("imported").asInt()).isEqualTo(3);
	}

	@Test
	void residentsWhoTookPartInAPublicGoodActivityOverAllResidents() {
		long planting = plan("春季种绿护绿", "公益活动(种绿护绿)");
		checkIn(planting, "甲", "13700000001");
		checkIn(planting, "乙", "137-0000-0002");
		checkIn(planting, "外来者", "13700000099");
		long etiquette = plan("文明礼仪讲座", "文明礼仪");
		checkIn(etiquette, "丙", "13700000003");
		attendance(planting);
		attendance(etiquette);

		JsonNode figure = api.get("jiedao", "/api/v1/residents/participation?orgUnitId=" + community).json();
		assertThat(figure.get("residents").asLong()).isEqualTo(3);
		assertThat(figure.get("participants").asLong()).isEqualTo(2);
		assertThat(figure.get("rate").asDouble()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(figure.get("met").asBoolean()).isFalse();
		assertThat(figure.get("rows")).extracting(r -> r.get("name").asString()).containsExactlyInAnyOrder("甲", "乙");
		assertThat(figure.get("rows")).extracting(r -> r.get("phone").asString()).contains("137****0001");
		assertThat(figure.get("rows")).extracting(r -> r.get("title").asString()).containsOnly("春季种绿护绿");
		assertThat(figure.get("categories")).extracting(JsonNode::asString).contains("公益活动(种绿护绿)");

		attendance(planting);
		assertThat(api.get("jiedao", "/api/v1/residents/participation?orgUnitId=" + community).json().get("participants").asLong()).isEqualTo(2);

		long later = plan("环保进社区", "环保进社区");
		checkIn(later, "丙", "13700000003");
		attendance(later);
		JsonNode all = api.get("jiedao", "/api/v1/residents/participation?orgUnitId=" + community).json();
		assertThat(all.get("participants").asLong()).isEqualTo(3);
		assertThat(all.get("met").asBoolean()).isTrue();

		LocalDate lastYear = today().minusYears(1);
		assertThat(api.get("jiedao", "/api/v1/residents/participation?orgUnitId=" + community + "&from=" + lastYear.withDayOfYear(1) + "&to="
				+ lastYear.withMonth(12).withDayOfMonth(31)).json().get("participants").asLong()).isZero();
		assertThat(api.get("shequ1", "/api/v1/residents/participation?orgUnitId=" + community).status()).isEqualTo(404);
	}

	private long plan(String title, String category) {
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
		String body = "{\"orgUnitId\":" + community + ",\"title\":\"" + title + "\",\"category\":\"" + category + "\",\"indicatorCodes\":[],\"startsAt\":\""
				+ LOCAL.format(now.minusMinutes(10)) + "\",\"endsAt\":\"" + LOCAL.format(now.plusHours(1)) + "\",\"place\":\"社区广场\"}";
		Api.Response planned = api.postJson("jiedao", "/api/v1/activities", body);
		assertThat(planned.status()).as(planned.text()).isEqualTo(201);
		return planned.id();
	}

	private void checkIn(long activity, String name, String phone) {
		Api.Response in = api.postJson("jiedao", "/api/v1/activities/" + activity + "/check-ins", "{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}");
		assertThat(in.status()).as(in.text()).isEqualTo(201);
	}

	private void attendance(long activity) {
		Api.Response filed = api.postJson("jiedao", "/api/v1/activities/" + activity + "/attendance", "{}");
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private long create(long parent, String kind, String name) {
		Api.Response created = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
		assertThat(created.status()).isEqualTo(201);
		return created.id();
	}
}
