package org.chuangwen.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.platform.Zones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Correcting a planned activity: its check-in window follows the new times, every change is kept, refusals change nothing. */
@IntegrationTest
class ActivityEditTests {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

	@LocalServerPort
	int port;

	Api api;
	long community;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		community = api.newCommunity("改期社区");
	}

	@Test
	void movingTheTimesMovesTheCheckInWindowAndKeepsTheHistory() {
		LocalDateTime now = LocalDateTime.now(Zones.SHANGHAI).withNano(0);
		long id = plan(now.plusDays(3), now.plusDays(3).plusHours(2));
		String checkIn = "{\"name\":\"张三\",\"phone\":\"13900001111\",\"role\":\"RESIDENT\"}";
		Api.Response early = api.postJson("jiedao", "/api/v1/activities/" + id + "/check-ins", checkIn);
		assertThat(early.status()).isEqualTo(400);
		assertThat(early.json().get("error").asString()).isEqualTo("outside_check_in_window");

		Api.Response moved = api.putJson("jiedao", "/api/v1/activities/" + id, "{\"startsAt\":\"" + LOCAL.format(now.minusMinutes(10))
				+ "\",\"endsAt\":\"" + LOCAL.format(now.plusHours(1)) + "\",\"place\":\"社区广场\"}");
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.json().get("place").asString()).isEqualTo("社区广场");
		assertThat(moved.json().get("title").asString()).as("fields not sent stay").isEqualTo("垃圾分类宣传");

		assertThat(api.postJson("jiedao", "/api/v1/activities/" + id + "/check-ins", checkIn).status()).isEqualTo(201);

		Map<String, JsonNode> byField = new LinkedHashMap<>();
		api.get("jiedao", "/api/v1/activities/" + id + "/history").json().forEach(c -> byField.put(c.get("field").asString(), c));
		assertThat(byField).containsOnlyKeys("startsAt", "endsAt", "place");
		assertThat(byField.get("place").get("oldValue").asString()).isEqualTo("社区活动室");
		assertThat(byField.get("place").get("newValue").asString()).isEqualTo("社区广场");
		assertThat(byField.get("startsAt").get("changedBy").asString()).isEqualTo("jiedao");
		assertThat(byField.get("startsAt").get("newValue").asString())
				.isEqualTo(now.minusMinutes(10).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
	}

	@Test
	void withoutPermissionOrWithBadInputNothingChanges() {
		LocalDateTime now = LocalDateTime.now(Zones.SHANGHAI).withNano(0);
		long id = plan(now.plusDays(1), now.plusDays(1).plusHours(2));
		String before = api.get("jiedao", "/api/v1/activities/" + id).text();

		assertThat(api.putJson("ceping", "/api/v1/activities/" + id, "{\"title\":\"检查员改的\"}").status()).isEqualTo(403);
		Api.Response foreign = api.putJson("shequ1", "/api/v1/activities/" + id, "{\"title\":\"别的社区改的\"}");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
		Api.Response reversed = api.putJson("jiedao", "/api/v1/activities/" + id, "{\"title\":\"新题目\",\"endsAt\":\"" + LOCAL.format(now) + "\"}");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.json().get("error").asString()).isEqualTo("invalid_time");
		Api.Response blank = api.putJson("jiedao", "/api/v1/activities/" + id, "{\"title\":\" \"}");
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.json().get("error").asString()).isEqualTo("invalid_field");

		assertThat(api.get("jiedao", "/api/v1/activities/" + id).text()).isEqualTo(before);
		assertThat(api.get("jiedao", "/api/v1/activities/" + id + "/history").json()).isEmpty();
	}

	private long plan(LocalDateTime starts, LocalDateTime ends) {
		Api.Response planned = api.postJson("jiedao", "/api/v1/activities", "{\"orgUnitId\":" + community
				+ ",\"title\":\"垃圾分类宣传\",\"category\":\"志愿服务\",\"indicatorCodes\":[],\"startsAt\":\"" + LOCAL.format(starts)
				+ "\",\"endsAt\":\"" + LOCAL.format(ends) + "\",\"place\":\"社区活动室\"}");
		assertThat(planned.status()).as(planned.text()).isEqualTo(201);
		return planned.id();
	}
}
