package org.chuangwen.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.platform.Zones;
import org.chuangwen.targets.Measure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import tools.jackson.databind.JsonNode;

/**
 * The survey API as a street office and residents use it: build a questionnaire, answer it by phone (no login) or door
 * to door (with credentials), read the results with their intervals and grades; one response per phone; invalid
 * answers name their question and store nothing; a foreign survey is not found; the awareness targets are measured.
 */
@IntegrationTest
class SurveyApiTests {

	static final String QUESTIONS = """
			[{"text":"您知道家庭美德的主要内容吗?","type":"single","options":["知道","不知道"],"aware":["知道"]},
			 {"text":"下列哪些属于家庭美德?","type":"multiple","options":["尊老爱幼","邻里团结","铺张浪费"],"aware":["尊老爱幼","邻里团结"]},
			 {"text":"您对社区的意见和建议","type":"text"}]""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	List<Measure> measures;

	@Autowired
	UserDetailsService accounts;

	private Api api() {
		return new Api(port);
	}

	static String survey(long unit, String title, String targetKey, String questions) {
		return "{\"orgUnitId\":" + unit + ",\"title\":\"" + title + "\",\"topic\":\"家庭美德\"" + (targetKey == null ? "" : ",\"targetKey\":\"" + targetKey + "\"")
				+ ",\"questions\":" + questions + "}";
	}

	static String answer(String phone, String answers) {
		return "{\"phone\":\"" + phone + "\",\"answers\":" + answers + "}";
	}

	@Test
	void aStreetBuildsASurveyResidentsAnswerAndTheResultsCarryWilsonIntervals() {
		Api api = api();
		long unit = api.newCommunity("问卷甲社区");
		Api.Response created = api.postJson("jiedao", "/api/v1/surveys", survey(unit, "家庭美德知晓率调查", "family-virtue-awareness", QUESTIONS));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long id = created.id();
		assertThat(created.json().get("code").asString()).matches("[A-Z0-9]{8}");

		for (int i = 0; i < 10; i++) {
			String single = i < 8 ? "\"知道\"" : "\"不知道\"";
			String multiple = i < 5 ? "[\"邻里团结\",\"尊老爱幼\"]" : i < 7 ? "[\"尊老爱幼\"]" : "[\"尊老爱幼\",\"邻里团结\",\"铺张浪费\"]";
			Api.Response r = api.postJson("jiedao", "/api/v1/surveys/" + id + "/responses",
					answer("1380000" + String.format("%04d", i), "[" + single + "," + multiple + ",\"" + (i == 0 ? "多组织活动" : "") + "\"]"));
			assertThat(r.status()).as(r.text()).isEqualTo(201);
		}

		JsonNode results = api.get("jiedao", "/api/v1/surveys/" + id + "/results").json();
		JsonNode first = results.get("questions").get(0);
		assertThat(first.get("n").asLong()).isEqualTo(10);
		assertThat(first.get("aware").asLong()).isEqualTo(8);
		assertThat(first.get("rate").decimalValue()).isEqualByComparingTo("0.8");
		assertThat(first.get("ciLow").decimalValue()).isEqualByComparingTo("0.4902");
		assertThat(first.get("ciHigh").decimalValue()).isEqualByComparingTo("0.9433");
		assertThat(first.get("grade").asString()).isEqualTo("B");
		JsonNode second = results.get("questions").get(1);
		assertThat(second.get("aware").asLong()).as("only exactly right answers to a multiple choice are aware").isEqualTo(5);
		assertThat(second.get("grade").asString()).isEqualTo("C#");
		JsonNode text = results.get("questions").get(2);
		assertThat(text.get("n").asLong()).as("short answers given").isEqualTo(1);
		assertThat(text.get("grade").isNull()).isTrue();
		JsonNode overall = results.get("overall");
		assertThat(overall.get("aware").asLong()).isEqualTo(13);
		assertThat(overall.get("n").asLong()).isEqualTo(20);
		JsonNode target = results.get("target");
		assertThat(target.get("threshold").decimalValue()).isEqualByComparingTo("80");
		assertThat(target.get("estimateMet").asBoolean()).isFalse();
		assertThat(results.get("planner").get("forFivePercent").asLong()).isEqualTo(385);

		// the phone is kept as hash, ciphertext and mask only
		Map<String, Object> row = jdbc.sql("select * from survey_response where survey_id = :s and phone_masked = '138****0003'").param("s", id)
				.query().singleRow();
		assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains("13800000003"));
		assertThat(row.get("INTERVIEWER") != null ? row.get("INTERVIEWER") : row.get("interviewer")).isEqualTo("jiedao");

		// the figure the targets module reads: 13 of 20 answers, lower bound from the pooled interval
		Measure measure = measures.stream().filter(m -> m.key().equals("family-virtue-awareness")).findFirst().orElseThrow();
		Measure.Figure figure = as("jiedao", () -> measure.measure(unit, LocalDate.now(Zones.SHANGHAI))).orElseThrow();
		assertThat(figure.value()).isEqualByComparingTo("65.0");
		assertThat(figure.lowerBound()).isEqualByComparingTo("43.3");
		assertThat(figure.basis()).isEqualTo("13 / 20 答");
		assertThat(figure.rows()).isEqualTo("/surveys/" + id);
		assertThat(as("jiedao", () -> measure.measure(unit, LocalDate.now(Zones.SHANGHAI).minusDays(1)))).as("no survey yet that day").isEmpty();
		assertThat(as("jiedao", () -> measures.stream().filter(m -> m.key().equals("moral-model-awareness")).findFirst().orElseThrow()
				.measure(unit, LocalDate.now(Zones.SHANGHAI)))).isEmpty();
	}

	@Test
	void onePhoneAnswersOnceAndAResidentNeedsNoLogin() {
		Api api = api();
		long unit = api.newCommunity("问卷乙社区");
		long id = api.postJson("jiedao", "/api/v1/surveys", survey(unit, "道德模范知晓率调查", "moral-model-awareness", QUESTIONS)).id();
		Phone phone = new Phone("127.0.9.1", port);
		String body = answer("13900001111", "[\"知道\",[\"尊老爱幼\",\"邻里团结\"],\"\"]");
		Phone.Answer first = phone.postJson("/api/v1/surveys/" + id + "/responses", body);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		Phone.Answer again = phone.postJson("/api/v1/surveys/" + id + "/responses", answer("139 0000 1111", "[\"不知道\",[\"尊老爱幼\"],\"\"]"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("\"error\":\"duplicate_response\"", "139****1111", "只能答一次");
		Api.Response byStaff = api.postJson("jiedao", "/api/v1/surveys/" + id + "/responses", body);
		assertThat(byStaff.status()).isEqualTo(409);
		assertThat(api.get("jiedao", "/api/v1/surveys/" + id + "/results").json().get("questions").get(0).get("aware").asLong())
				.as("the first answer stands").isEqualTo(1);
	}

	@Test
	void invalidAnswersNameTheQuestionAndStoreNothing() {
		Api api = api();
		long unit = api.newCommunity("问卷丙社区");
		long id = api.postJson("jiedao", "/api/v1/surveys", survey(unit, "普法调查", "legal-education-coverage", QUESTIONS)).id();
		String path = "/api/v1/surveys/" + id + "/responses";
		Api.Response unknown = api.postJson("jiedao", path, answer("13700000001", "[\"听说过\",[\"尊老爱幼\"],\"\"]"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("error").asString()).isEqualTo("invalid_answer");
		assertThat(unknown.json().get("message").asString()).contains("第 1 题", "听说过");
		Api.Response missing = api.postJson("jiedao", path, answer("13700000001", "[\"知道\"]"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("error").asString()).isEqualTo("invalid_answer");
		assertThat(missing.json().get("message").asString()).contains("第 2 题", "下列哪些属于家庭美德", "没有回答");
		Api.Response shape = api.postJson("jiedao", path, answer("13700000001", "[[\"知道\"],[\"尊老爱幼\"],\"\"]"));
		assertThat(shape.status()).isEqualTo(400);
		assertThat(shape.json().get("message").asString()).contains("第 1 题");
		Api.Response badOption = api.postJson("jiedao", path, answer("13700000001", "[\"知道\",[\"尊老爱幼\",\"打麻将\"],\"\"]"));
		assertThat(badOption.json().get("message").asString()).contains("第 2 题", "打麻将");
		Api.Response phone = api.postJson("jiedao", path, answer("12", "[\"知道\",[\"尊老爱幼\"],\"\"]"));
		assertThat(phone.json().get("error").asString()).isEqualTo("invalid_phone");
		assertThat(jdbc.sql("select count(*) from survey_response where survey_id = :s").param("s", id).query(Long.class).single()).isZero();
		assertThat(api.postJson("jiedao", path, answer("13700000001", "[\"知道\",[\"尊老爱幼\"],\"\"]")).status()).as("the same phone after refusals").isEqualTo(201);

		Api.Response badQuestion = api.postJson("jiedao", "/api/v1/surveys", survey(unit, "错题", null,
				"[{\"text\":\"知道吗\",\"type\":\"single\",\"options\":[\"知道\",\"不知道\"],\"aware\":[\"了解\"]}]"));
		assertThat(badQuestion.status()).isEqualTo(400);
		assertThat(badQuestion.json().get("error").asString()).isEqualTo("invalid_question");
		assertThat(badQuestion.json().get("message").asString()).contains("第 1 题");
		assertThat(api.postJson("jiedao", "/api/v1/surveys", survey(unit, "错题", null, "[{\"text\":\"知道吗\",\"type\":\"rating\"}]")).status())
				.isEqualTo(400);
	}

	@Test
	void aForeignSurveyIsNotFoundAndAnAnsweredOneIsFrozen() {
		Api api = api();
		long unit = api.newCommunity("问卷丁社区");
		long id = api.postJson("jiedao", "/api/v1/surveys", survey(unit, "城市精神调查", null, QUESTIONS)).id();
		for (String path : List.of("/api/v1/surveys/" + id, "/api/v1/surveys/" + id + "/results")) {
			Api.Response foreign = api.get("shequ2", path);
			assertThat(foreign.status()).isEqualTo(404);
			assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
		}
		Api.Response foreignInterviewer = api.postJson("shequ2", "/api/v1/surveys/" + id + "/responses", answer("13600000001", "[\"知道\",[\"尊老爱幼\"],\"\"]"));
		assertThat(foreignInterviewer.status()).isEqualTo(404);
		assertThat(api.get("jiedao", "/api/v1/surveys/999999999/results").status()).isEqualTo(404);
		assertThat(new Phone("127.0.9.2", port).postJson("/api/v1/surveys/999999999/responses", answer("13600000001", "[]")).status()).isEqualTo(404);

		String edited = survey(unit, "城市精神知晓率调查", null, "[{\"text\":\"您知道本市的城市精神吗?\",\"type\":\"single\",\"options\":[\"知道\",\"不知道\"],\"aware\":[\"知道\"]}]");
		Api.Response put = api.putJson("jiedao", "/api/v1/surveys/" + id, edited);
		assertThat(put.status()).as(put.text()).isEqualTo(200);
		assertThat(put.json().get("questions")).hasSize(1);
		assertThat(api.postJson("jiedao", "/api/v1/surveys/" + id + "/responses", answer("13600000001", "[\"知道\"]")).status()).isEqualTo(201);
		Api.Response frozen = api.putJson("jiedao", "/api/v1/surveys/" + id, survey(unit, "再改", null, QUESTIONS));
		assertThat(frozen.status()).isEqualTo(409);
		assertThat(frozen.json().get("error").asString()).isEqualTo("survey_frozen");
		assertThat(api.get("jiedao", "/api/v1/surveys/" + id).json().get("title").asString()).isEqualTo("城市精神知晓率调查");

		assertThat(api.postJson("jiedao", "/api/v1/surveys/" + id + "/close", "").status()).isEqualTo(200);
		Api.Response closed = api.postJson("jiedao", "/api/v1/surveys/" + id + "/responses", answer("13600000002", "[\"知道\"]"));
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.json().get("error").asString()).isEqualTo("survey_closed");
		assertThat(api.postJson("ceping", "/api/v1/surveys", survey(unit, "测评员不能建", null, QUESTIONS)).status()).isEqualTo(403);
	}

	@Test
	void responsesWithoutLoginAreLimitedPerAddress() {
		Api api = api();
		long unit = api.newCommunity("问卷戊社区");
		long id = api.postJson("jiedao", "/api/v1/surveys", survey(unit, "满意度调查", null, QUESTIONS)).id();
		Phone phone = new Phone("127.0.9.3", port);
		for (int i = 0; i < 10; i++) {
			assertThat(phone.postJson("/api/v1/surveys/" + id + "/responses", answer("1350000" + String.format("%04d", i), "[\"知道\",[\"尊老爱幼\"],\"\"]"))
					.status()).isEqualTo(201);
		}
		Phone.Answer refused = phone.postJson("/api/v1/surveys/" + id + "/responses", answer("13500009999", "[\"知道\",[\"尊老爱幼\"],\"\"]"));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.head().toLowerCase()).contains("retry-after");
		assertThat(refused.body()).contains("too_many_requests");
		assertThat(new Phone("127.0.9.4", port).postJson("/api/v1/surveys/" + id + "/responses", answer("13500009999", "[\"知道\",[\"尊老爱幼\"],\"\"]"))
				.status()).as("another address is not held up").isEqualTo(201);
	}

	private <T> T as(String username, java.util.function.Supplier<T> work) {
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
