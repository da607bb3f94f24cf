package org.chuangwen.elections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.platform.Zones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** An election over real HTTP and a real database: the electorate from the ledger, the polling list, the figures, scope. */
@IntegrationTest
class ElectionTests {

	private static final AtomicInteger RUN = new AtomicInteger();

	@LocalServerPort
	int port;

	Api api;
	long community;
	long elsewhere;
	LocalDate day;
	String adult;
	String turnsEighteenOnTheDay;
	String minor;
	String another;
	String neighbour;

	@BeforeEach
	void aCommunityWithAdultsAMinorAndANeighbour() {
		api = new Api(port);
		int run = RUN.incrementAndGet();
		long street = api.demoStreet();
		community = Voters.unit(api, street, "COMMUNITY", "选举社区" + run + "-" + System.nanoTime());
		Voters.unit(api, community, "BUILDING", "1号楼");
		Voters.unit(api, community, "BUILDING", "2号楼");
		elsewhere = Voters.unit(api, street, "COMMUNITY", "邻近社区" + run + "-" + System.nanoTime());
		Voters.unit(api, elsewhere, "BUILDING", "9号楼");
		day = LocalDate.now(Zones.SHANGHAI).minusDays(10);
		int seq = 100 + run * 20;
		adult = Voters.id(LocalDate.of(1960, 3, 1), seq + 1);
		turnsEighteenOnTheDay = Voters.id(day.minusYears(18), seq + 3);
		minor = Voters.id(day.minusYears(18).plusDays(1), seq + 5);
		another = Voters.id(LocalDate.of(1975, 7, 9), seq + 7);
		neighbour = Voters.id(LocalDate.of(1970, 1, 2), seq + 9);
		Voters.importResidents(api, "jiedao", community, List.of(
				Voters.resident("甲", adult, "1号楼", "101"),
				Voters.resident("乙", turnsEighteenOnTheDay, "1号楼", "102"),
				Voters.resident("丙", minor, "2号楼", "201"),
				Voters.resident("丁", another, "2号楼", "202")));
		Voters.importResidents(api, "jiedao", elsewhere, List.of(Voters.resident("戊", neighbour, "9号楼", "901")));
	}

	@Test
	void theElectorateIsTheCommunitysAdultsOnElectionDay() {
		long election = create();
		JsonNode voters = api.get("jiedao", "/api/v1/elections/" + election + "/voters").json();
		assertThat(voters).extracting(v -> v.get("name").asString()).containsExactlyInAnyOrder("甲", "乙", "丁");
		assertThat(voters).extracting(v -> v.get("idNumberMasked").asString()).allMatch(m -> m.contains("****"));
		JsonNode figures = api.get("jiedao", "/api/v1/elections/" + election).json();
		assertThat(figures.get("electorate").asLong()).isEqualTo(3);
		assertThat(figures.get("voted").asLong()).isZero();
		assertThat(figures.get("date").asString()).isEqualTo(day.toString());
		assertThat(figures.get("kind").asString()).isEqualTo("DIRECT");
		assertThat(figures.get("met").asBoolean()).isFalse();
	}

	@Test
	void aPollingListMarksWhoMatchesAndListsTheRestWithTheirReason() {
		long election = create();
		byte[] list = Voters.xlsx(List.of("序号", "姓名", "身份证号"), List.of(
				List.of("1", "甲", adult),
				List.of("2", "乙", turnsEighteenOnTheDay.toLowerCase()),
				List.of("3", "戊", neighbour),
				List.of("4", "丙", minor),
				List.of("5", "张三", "12345"),
				List.of("6", "李四", another)));

		JsonNode first = importList(election, list);
		assertThat(first.get("matched").asInt()).isEqualTo(2);
		assertThat(first.get("voted").asLong()).isEqualTo(2);
		assertThat(first.get("rejectedRows")).extracting(r -> r.get("row").asInt()).containsExactly(4, 5, 6, 7);
		assertThat(first.get("rejectedRows").get(0).get("reason").asString()).isEqualTo("身份证号不在本次选举的选民名单中");
		assertThat(first.get("rejectedRows").get(1).get("reason").asString()).isEqualTo("身份证号不在本次选举的选民名单中");
		assertThat(first.get("rejectedRows").get(2).get("reason").asString()).contains("身份证号格式不正确");
		assertThat(first.get("rejectedRows").get(3).get("reason").asString()).contains("姓名“李四”与选民名单中的姓名不一致");
		JsonNode figures = api.get("jiedao", "/api/v1/elections/" + election).json();
		assertThat(figures.get("voted").asLong()).isEqualTo(2);
		assertThat(figures.get("turnout").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(figures.get("met").asBoolean()).isFalse();

		JsonNode again = importList(election, list);
		assertThat(again.get("voted").asLong()).isEqualTo(2);
		assertThat(again.get("matched").asInt()).isEqualTo(2);
		assertThat(again.get("added").asInt()).isZero();
		assertThat(again.get("rejectedRows")).hasSize(4);
		assertThat(api.get("jiedao", "/api/v1/elections/" + election).json().get("voted").asLong()).isEqualTo(2);
	}

	@Test
	void turnoutIsVotedOverTheElectorateAgainstEightyPercent() {
		long election = create();
		JsonNode voters = api.get("jiedao", "/api/v1/elections/" + election + "/voters").json();
		long jia = idOf(voters, "甲");
		long yi = idOf(voters, "乙");
		long ding = idOf(voters, "丁");

		JsonNode marked = api.postJson("jiedao", "/api/v1/elections/" + election + "/voters", "{\"ids\":[" + jia + "," + yi + "," + jia + ", 999999999]}").json();
		assertThat(marked.get("voted").asLong()).isEqualTo(2);
		assertThat(marked.get("rejectedRows")).extracting(r -> r.get("row").asInt()).containsExactly(3, 4);
		JsonNode figures = api.get("jiedao", "/api/v1/elections/" + election).json();
		assertThat(figures.get("turnout").decimalValue()).isEqualByComparingTo("0.6667");
		assertThat(figures.get("met").asBoolean()).isFalse();
		assertThat(target(figures, "voter-turnout").get("value").decimalValue()).isEqualByComparingTo("66.7");
		assertThat(target(figures, "direct-election-rate").get("met").asBoolean()).isTrue();
		assertThat(org.chuangwen.Session.login(port, "jiedao", Api.PASSWORD).get("/elections?orgUnitId=" + community).body()).contains("66.7%");

		// 丁 is away: removed with the reason, kept in the changes; 2 of 2 voted
		Api.Response removed = api.postJson("jiedao", "/api/v1/elections/" + election + "/electorate",
				"{\"residentId\":" + ding + ",\"action\":\"REMOVE\",\"reason\":\"外出务工\"}");
		assertThat(removed.status()).as(removed.text()).isEqualTo(200);
		assertThat(removed.json().get("electorate").asLong()).isEqualTo(2);
		assertThat(removed.json().get("turnout").decimalValue()).isEqualByComparingTo("1.0000");
		assertThat(removed.json().get("met").asBoolean()).isTrue();
		assertThat(target(removed.json(), "voter-turnout-plan").get("met").asBoolean()).isTrue();
		assertThat(api.get("jiedao", "/api/v1/elections/" + election + "/electorate/changes").json())
				.extracting(c -> c.get("reason").asString()).containsExactly("外出务工");
		assertThat(api.postJson("jiedao", "/api/v1/elections/" + election + "/electorate",
				"{\"residentId\":" + ding + ",\"action\":\"REMOVE\",\"reason\":\"\"}").json().get("error").asString()).isEqualTo("missing_reason");

		// a minor cannot be added by hand; 3 of 4 would be 75%, under 80%
		long bing = residentId("丙");
		Api.Response minorAdded = api.postJson("jiedao", "/api/v1/elections/" + election + "/electorate",
				"{\"residentId\":" + bing + ",\"action\":\"ADD\",\"reason\":\"新迁入\"}");
		assertThat(minorAdded.status()).isEqualTo(400);
		assertThat(minorAdded.json().get("error").asString()).isEqualTo("under_age");
	}

	@Test
	void anotherUnitsElectionAnswersNotFound() {
		long election = create();
		assertThat(api.get("shequ1", "/api/v1/elections/" + election).status()).isEqualTo(404);
		assertThat(api.get("shequ1", "/api/v1/elections/" + election).json().get("error").asString()).isEqualTo("not_found");
		assertThat(api.postJson("shequ1", "/api/v1/elections/" + election + "/voters", "{\"ids\":[1]}").status()).isEqualTo(404);
		assertThat(api.postMultipart("shequ1", "/api/v1/elections/" + election + "/voters",
				List.of(Api.Part.file("list.xlsx", Voters.xlsx(List.of("姓名", "身份证号"), List.of(List.of("甲", adult))))))
				.status()).isEqualTo(404);
		assertThat(api.postJson("shequ1", "/api/v1/elections", "{\"orgUnitId\":" + community + ",\"date\":\"" + day + "\"}").status()).isEqualTo(404);
		assertThat(api.postJson("ceping", "/api/v1/elections/" + election + "/voters", "{\"ids\":[1]}").status()).isEqualTo(403);
		assertThat(api.get("jiedao", "/api/v1/elections/" + election).json().get("voted").asLong()).isZero();
	}

	private long create() {
		Api.Response created = api.postJson("jiedao", "/api/v1/elections", "{\"orgUnitId\":" + community + ",\"date\":\"" + day + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.id();
	}

	private JsonNode importList(long election, byte[] xlsx) {
		Api.Response response = api.postMultipart("jiedao", "/api/v1/elections/" + election + "/voters", List.of(Api.Part.file("投票名单.xlsx", xlsx)));
		assertThat(response.status()).as(response.text()).isEqualTo(200);
		return response.json();
	}

	private long residentId(String name) {
		for (JsonNode r : api.get("jiedao", "/api/v1/residents?orgUnitId=" + community + "&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
				.json().get("items")) {
			if (r.get("name").asString().equals(name)) {
				return r.get("id").asLong();
			}
		}
		throw new IllegalStateException("no resident " + name);
	}

	private static long idOf(JsonNode voters, String name) {
		for (JsonNode v : voters) {
			if (v.get("name").asString().equals(name)) {
				return v.get("residentId").asLong();
			}
		}
		throw new IllegalStateException("no voter " + name);
	}

	private static JsonNode target(JsonNode figures, String key) {
		for (JsonNode t : figures.get("targets")) {
			if (t.get("key").asString().equals(key)) {
				return t;
			}
		}
		throw new IllegalStateException("no target " + key);
	}
}
