package org.chuangwen.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chuangwen.Api;
import org.chuangwen.FromAddress;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A community worker builds a questionnaire on the page (options on one line, aware ones marked with *), a resident
 * answers it on a phone through its code without login, once; the survey page shows the rate with its interval.
 */
@IntegrationTest
class SurveyPagesTests {

	private static final Pattern SURVEY_ID = Pattern.compile("/surveys/(\\d+)$");
	private static final Pattern CODE = Pattern.compile("data-testid=\"survey-code\">([A-Z0-9]+)<");

	@LocalServerPort
	int port;

	@Test
	void aWorkerBuildsASurveyAndAResidentAnswersItByPhoneOnce() {
		Session worker = Session.login(port, "shequ1", Api.PASSWORD);
		String form = "title=" + enc("和平社区市民文明公约知晓率调查") + "&topic=" + enc("市民文明公约") + "&targetKey="
				+ "&q1.text=" + enc("您知道《市民文明公约》吗?") + "&q1.type=single&q1.options=" + enc("*知道 / 不知道")
				+ "&q2.text=" + enc("公约提倡哪些行为?") + "&q2.type=multiple&q2.options=" + enc("*文明礼让 / *爱护环境 / 随地吐痰")
				+ "&q3.text=" + enc("您的建议") + "&q3.type=text&q3.options=&q4.text=&q4.type=single&q4.options=";
		Session.Page saved = worker.postForm("/surveys", "/surveys/new", form);
		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		Matcher id = SURVEY_ID.matcher(saved.location());
		assertThat(id.find()).isTrue();
		String page = worker.get("/surveys/" + id.group(1)).body();
		assertThat(page).contains("和平社区市民文明公约知晓率调查", "还没有回答", "385");
		Matcher code = CODE.matcher(page);
		assertThat(code.find()).isTrue();

		FromAddress phone = new FromAddress("127.0.9.20", port);
		FromAddress.Answer opened = phone.get("/s/" + code.group(1).toLowerCase());
		assertThat(opened.status()).isEqualTo(200);
		assertThat(opened.body()).contains("您知道《市民文明公约》吗?", "文明礼让");
		Map<String, String> answers = new LinkedHashMap<>();
		answers.put("phone", "13912345678");
		answers.put("a1", "知道");
		answers.put("a2", "文明礼让");
		answers.put("a3", "");
		FromAddress.Answer partial = phone.postForm("/s/" + code.group(1), "/s/" + code.group(1), answers);
		assertThat(partial.status()).as("a multiple choice half right is stored, not refused").isEqualTo(200);
		assertThat(partial.body()).contains("提交成功");
		FromAddress.Answer twice = phone.postForm("/s/" + code.group(1), "/s/" + code.group(1), answers);
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.body()).contains("139****5678", "只能答一次");
		Map<String, String> missing = new LinkedHashMap<>(answers);
		missing.put("phone", "13912340000");
		missing.remove("a1");
		FromAddress.Answer refused = phone.postForm("/s/" + code.group(1), "/s/" + code.group(1), missing);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("第 1 题", "没有回答", "value=\"13912340000\"");
		FromAddress.Answer wrong = phone.get("/s/ZZZZ2222");
		assertThat(wrong.status()).isEqualTo(404);
		assertThat(wrong.body()).contains("问卷码不正确");

		String results = worker.get("/surveys/" + id.group(1)).body();
		assertThat(results).contains("100.0%", "20.7% – 100.0%", "知晓 1 / 回答 2");
		assertThat(worker.get("/surveys").body()).contains("和平社区市民文明公约知晓率调查");
		assertThat(worker.get("/surveys/" + id.group(1) + "/edit").status()).isEqualTo(200);
		assertThat(worker.get("/surveys/" + id.group(1)).body()).as("answered: no edit link").doesNotContain("data-testid=\"edit\"");
		assertThat(Session.login(port, "shequ2", Api.PASSWORD).get("/surveys/" + id.group(1)).status()).isEqualTo(404);
	}

	@Test
	void aWrongQuestionIsNamedAndWhatWasTypedStays() {
		Session worker = Session.login(port, "shequ1", Api.PASSWORD);
		String form = "title=" + enc("错题问卷") + "&topic=&targetKey=&q1.text=" + enc("您满意吗?") + "&q1.type=single&q1.options=" + enc("满意");
		Session.Page refused = worker.postForm("/surveys", "/surveys/new", form);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("第 1 题", "2 至 20 个选项", "value=\"错题问卷\"");
	}

	private static String enc(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
	}
}
