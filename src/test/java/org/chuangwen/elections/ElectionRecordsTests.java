package org.chuangwen.elections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.platform.Zones;
import org.chuangwen.targets.Measure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

/** What surrounds an election: its materials in Ⅲ-17's box, joint meetings, the voter-turnout measure and the pages. */
@IntegrationTest
class ElectionRecordsTests {

	private static final AtomicInteger RUN = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	List<Measure> measures;

	@Autowired
	UserDetailsService accounts;

	Api api;
	long community;
	LocalDate day;
	String adult;
	String other;

	@BeforeEach
	void aCommunityWithTwoAdults() {
		api = new Api(port);
		int run = RUN.incrementAndGet();
		community = Voters.unit(api, api.demoStreet(), "COMMUNITY", "会议社区" + run + "-" + System.nanoTime());
		Voters.unit(api, community, "BUILDING", "3号楼");
		day = LocalDate.now(Zones.SHANGHAI).minusDays(3);
		adult = Voters.id(LocalDate.of(1958, 5, 6), 500 + run * 4 + 1);
		other = Voters.id(LocalDate.of(1981, 8, 9), 500 + run * 4 + 3);
		Voters.importResidents(api, "jiedao", community, List.of(Voters.resident("赵一", adult, "3号楼", "301"), Voters.resident("钱二", other, "3号楼", "302")));
	}

	@Test
	void aMaterialFiledFromTheElectionIsInTheBoxOfIII17() {
		long election = create();
		Api.Response filed = api.postMultipart("jiedao", "/api/v1/elections/" + election + "/materials", List.of(
				Api.Part.json("meta", "{\"kind\":\"方案\",\"dateFormed\":\"" + day + "\"}"),
				Api.Part.file("选举工作方案.docx", DemoFiles.docx("选举工作方案", "第十届居民委员会换届选举"))));
		assertThat(filed.status()).as(filed.text()).isEqualTo(201);
		assertThat(filed.json().get("indicatorCodes")).extracting(JsonNode::asString).containsExactly("Ⅲ-17");
		long material = filed.id();

		JsonNode box = api.get("jiedao", "/api/v1/materials?orgUnitId=" + community + "&indicatorCode=" + URLEncoder.encode("Ⅲ-17", StandardCharsets.UTF_8))
				.json();
		assertThat(box.get("items")).extracting(m -> m.get("id").asLong()).contains(material);
		assertThat(api.get("jiedao", "/api/v1/elections/" + election + "/materials").json()).extracting(m -> m.get("kind").asString())
				.containsExactly("方案");
		assertThat(Session.login(port, "jiedao", Api.PASSWORD).get("/elections/" + election).body()).contains(filed.json().get("title").asString());
		assertThat(api.postMultipart("shequ1", "/api/v1/elections/" + election + "/materials", List.of(Api.Part.json("meta", "{\"kind\":\"方案\"}"),
				Api.Part.file("x.docx", DemoFiles.docx("x", "y")))).status()).isEqualTo(404);
	}

	@Test
	void aJointMeetingIsListedForItsCommunityOnly() {
		Api.Response recorded = api.postJson("jiedao", "/api/v1/joint-meetings", "{\"orgUnitId\":" + community + ",\"date\":\"" + day
				+ "\",\"attendees\":\"社区书记 王某;物业公司 李某;业主代表 赵一\",\"topics\":\"小区停车管理\",\"minutes\":\"议定:划定临时停车位。\"}");
		assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
		Api.Response withoutMinutes = api.postJson("jiedao", "/api/v1/joint-meetings", "{\"orgUnitId\":" + community + ",\"date\":\"" + day
				+ "\",\"attendees\":\"王某\",\"topics\":\"绿化\"}");
		assertThat(withoutMinutes.status()).isEqualTo(400);
		assertThat(withoutMinutes.json().get("message").asString()).isEqualTo("请填写会议纪要或上传会议记录文件。");

		assertThat(api.get("jiedao", "/api/v1/joint-meetings?orgUnitId=" + community).json()).extracting(m -> m.get("topics").asString())
				.containsExactly("小区停车管理");
		assertThat(api.get("shequ1", "/api/v1/joint-meetings?orgUnitId=" + community).status()).isEqualTo(404);
		assertThat(api.get("shequ1", "/api/v1/joint-meetings").json()).extracting(m -> m.get("topics").asString()).doesNotContain("小区停车管理");
		assertThat(Session.login(port, "jiedao", Api.PASSWORD).get("/joint-meetings").body()).contains("小区停车管理");
	}

	@Test
	void voterTurnoutIsTheLatestElectionOfTheCommunityInPerCent() {
		Measure turnout = measures.stream().filter(m -> m.key().equals("voter-turnout")).findFirst().orElseThrow();
		assertThat(as("jiedao", () -> turnout.measure(community, day))).isEmpty();

		long earlier = create(day.minusYears(3));
		api.postJson("jiedao", "/api/v1/elections/" + earlier + "/voters", "{\"ids\":[" + voterIds(earlier).get(0) + "]}");
		long latest = create(day);
		Api.Response marked = api.postJson("jiedao", "/api/v1/elections/" + latest + "/voters", "{\"ids\":" + voterIds(latest) + "}");
		assertThat(marked.json().get("voted").asLong()).isEqualTo(2);

		Optional<Measure.Figure> now = as("jiedao", () -> turnout.measure(community, day));
		assertThat(now).get().satisfies(f -> {
			assertThat(f.value()).isEqualByComparingTo("100.0");
			assertThat(f.basis()).isEqualTo("2 / 2 人");
			assertThat(f.rows()).isEqualTo("/elections/" + latest);
		});
		assertThat(as("jiedao", () -> turnout.measure(community, day.minusDays(1)))).get().satisfies(f -> assertThat(f.value()).isEqualByComparingTo("50.0"));
	}

	@Test
	void theElectionPageTicksVotersAndReportsRefusedRowsOfAPollingList() {
		long election = create();
		Session jiedao = Session.login(port, "jiedao", Api.PASSWORD);
		String page = "/elections/" + election;
		assertThat(jiedao.get(page).body()).contains("赵一", "钱二", "参选率 = 已投票选民数 ÷ 登记选民数");
		long zhao = voterId(election, "赵一");
		long qian = voterId(election, "钱二");
		Session.Page ticked = jiedao.postForm(page + "/ticks", page, "shown=" + zhao + "&shown=" + qian + "&voted=" + zhao);
		assertThat(ticked.status()).isEqualTo(302);
		assertThat(api.get("jiedao", "/api/v1/elections/" + election).json().get("voted").asLong()).isEqualTo(1);

		Session.Page imported = jiedao.postMultipart(page + "/import", page, List.of(Api.Part.file("投票名单.xlsx",
				Voters.xlsx(List.of("姓名", "身份证号"), List.of(List.of("钱二", other), List.of("孙三", "110101199001011234"))))));
		assertThat(imported.status()).isEqualTo(302);
		String after = jiedao.get(page).body();
		assertThat(after).contains("未采用 1 行", "身份证号格式不正确");
		assertThat(api.get("jiedao", "/api/v1/elections/" + election).json().get("turnout").decimalValue()).isEqualByComparingTo("1.0000");

		// taking a tick back is kept with the electorate's changes
		jiedao.postForm(page + "/ticks", page, "shown=" + zhao);
		assertThat(api.get("jiedao", "/api/v1/elections/" + election).json().get("voted").asLong()).isEqualTo(1);
		assertThat(api.get("jiedao", "/api/v1/elections/" + election + "/electorate/changes").json()).extracting(c -> c.get("kind").asString())
				.containsExactly("UNVOTED");
		assertThat(jiedao.get(page).body()).contains("取消投票勾选 赵一");
		assertThat(Session.login(port, "shequ1", Api.PASSWORD).get(page).status()).isEqualTo(404);
	}

	private long create() {
		return create(day);
	}

	private long create(LocalDate date) {
		Api.Response created = api.postJson("jiedao", "/api/v1/elections", "{\"orgUnitId\":" + community + ",\"date\":\"" + date + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.id();
	}

	private List<Long> voterIds(long election) {
		List<Long> ids = new java.util.ArrayList<>();
		api.get("jiedao", "/api/v1/elections/" + election + "/voters").json().forEach(v -> ids.add(v.get("residentId").asLong()));
		return ids;
	}

	private long voterId(long election, String name) {
		for (JsonNode v : api.get("jiedao", "/api/v1/elections/" + election + "/voters").json()) {
			if (v.get("name").asString().equals(name)) {
				return v.get("residentId").asLong();
			}
		}
		throw new IllegalStateException("no voter " + name);
	}

	private <T> T as(String username, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		UserDetails user = accounts.loadUserByUsername(username);
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
