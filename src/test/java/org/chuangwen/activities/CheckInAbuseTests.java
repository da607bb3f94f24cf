package org.chuangwen.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Random;
import org.chuangwen.Api;
import org.chuangwen.FromAddress;
import org.chuangwen.IntegrationTest;
import org.chuangwen.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The public check-in page as an attacker uses it: a known phone from a foreign device, a check-out from a foreign
 * device, code guessing and a flood of fake check-ins. Each test speaks from addresses (127.0.1x.y) of its own.
 */
@IntegrationTest
class CheckInAbuseTests {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;
	long community;

	@BeforeEach
	void aCommunity() {
		api = new Api(port);
		for (JsonNode unit : api.get("jiedao", "/api/v1/org-units").json()) {
			if (unit.get("name").asString().equals("和平社区")) {
				community = unit.get("id").asLong();
			}
		}
	}

	@AfterEach
	void backToNow() {
		TestClock.reset();
	}

	@Test
	void aForeignDeviceSubmittingAKnownPhoneDoesNotLearnTheName() {
		String code = runningActivity("邻里守望签到");
		FromAddress mine = new FromAddress("127.0.10.1", port);
		assertThat(submit(mine, code, "李四", "13911112222", "RESIDENT").body()).contains("李四,签到成功");

		FromAddress stranger = new FromAddress("127.0.10.2", port);
		FromAddress.Answer probe = submit(stranger, code, "王五", "139-1111-2222", "RESIDENT");
		assertThat(probe.status()).isEqualTo(200);
		assertThat(probe.body()).doesNotContain("李四").contains("王五,签到成功");
		assertThat(submit(stranger.otherDevice(), code, "", "13911112222", "RESIDENT").body()).doesNotContain("李四");

		assertThat(submit(mine, code, "李", "13911112222", "RESIDENT").body()).as("the device that registered").contains("李四,签到成功");
		JsonNode people = participants(code);
		assertThat(people).singleElement().satisfies(p -> assertThat(p.get("name").asString()).isEqualTo("李四"));
		assertThat(mine.setCookie("cw_device")).contains("HttpOnly", "SameSite=Lax", "Path=/c", "Max-Age=").doesNotContain("Secure");
	}

	@Test
	void aCheckOutNeedsTheDeviceThatCheckedIn() {
		String code = runningActivity("志愿者签退");
		FromAddress volunteer = new FromAddress("127.0.10.11", port);
		assertThat(submit(volunteer, code, "赵六", "13700002222", "VOLUNTEER").body()).contains("赵六,签到成功");

		FromAddress stranger = new FromAddress("127.0.10.12", port);
		FromAddress.Answer refused = submit(stranger, code, "赵六", "13700002222", "VOLUNTEER");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("请使用签到时的手机签退,或请工作人员办理").doesNotContain("已签退");
		assertThat(participants(code).get(0).get("checkedOutAt").isNull()).as("service time still running").isTrue();

		assertThat(submit(volunteer, code, "赵六", "13700002222", "VOLUNTEER").body()).contains("赵六,您已签到", "现在签退吗?");
		FromAddress.Answer strangerOut = stranger.postForm("/c/" + code + "/out", "/c/" + code, Map.of());
		assertThat(strangerOut.status()).as("the question's button does not work from another phone").isEqualTo(403);
		assertThat(participants(code).get(0).get("checkedOutAt").isNull()).isTrue();
		assertThat(volunteer.postForm("/c/" + code + "/out", "/c/" + code, Map.of()).body()).contains("赵六,已签退");
		assertThat(participants(code).get(0).get("checkedOutAt").isNull()).isFalse();

		long id = activityId(code);
		assertThat(api.postJson("jiedao", "/api/v1/activities/" + id + "/check-ins", "{\"name\":\"刘医生\",\"phone\":\"13698765432\",\"role\":\"VOLUNTEER\"}")
				.status()).isEqualTo(201);
		assertThat(api.postJson("jiedao", "/api/v1/activities/" + id + "/check-ins", "{\"name\":\"刘医生\",\"phone\":\"13698765432\",\"role\":\"VOLUNTEER\"}")
				.json().get("checkedOutAt").isNull()).as("workers still check volunteers out").isFalse();

		for (String action : new String[] {"CHECKED_IN", "CHECKED_OUT", "CHECK_OUT_REFUSED"}) {
			assertThat(auditDetails(action, id)).as(action).anySatisfy(d -> assertThat(d).contains("137****2222"))
					.allSatisfy(d -> assertThat(d).doesNotContain("13700002222").doesNotContain("13698765432"));
		}
		assertThat(auditDetails("CHECK_OUT_REFUSED", id)).hasSize(1);
	}

	@Test
	void codeGuessesFromOneAddressAreRefusedAfterAFewWithAGrowingWait() {
		String code = runningActivity("猜码");
		FromAddress guesser = new FromAddress("127.0.10.21", port);
		Random random = new Random(15);
		int answered = 0;
		int refused = 0;
		for (int i = 0; i < 1000; i++) {
			FromAddress.Answer answer = guesser.get("/c/" + randomCode(random, 8));
			if (answer.status() == 404) {
				answered++;
			} else {
				assertThat(answer.status()).isEqualTo(429);
				refused++;
			}
		}
		assertThat(answered).as("guesses answered").isLessThanOrEqualTo(5);
		assertThat(refused).isGreaterThanOrEqualTo(995);
		FromAddress.Answer blocked = guesser.get("/c/" + code);
		assertThat(blocked.status()).as("even a right code, while the address is blocked").isEqualTo(429);
		assertThat(blocked.body()).contains("尝试次数过多,请稍后再试");
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(new FromAddress("127.0.10.22", port).get("/c/" + code).status()).as("another address").isEqualTo(200);
		assertThat(audits("CHECK_IN_THROTTLED", "127.0.10.21")).as("audited once per block, not per request").isEqualTo(1);

		TestClock.advance(Duration.ofSeconds(61));
		assertThat(guesser.get("/c/" + code).status()).isEqualTo(200);
		for (int i = 0; i < 5; i++) {
			assertThat(guesser.postForm("/c/" + randomCode(random, 6), "/c/" + code, Map.of("name", "x", "phone", "13800000000")).status()).isEqualTo(404);
		}
		FromAddress.Answer again = guesser.get("/c/" + code);
		assertThat(again.status()).isEqualTo(429);
		assertThat(Long.parseLong(again.header("Retry-After"))).as("the second block is longer").isGreaterThan(60L);
		assertThat(audits("CHECK_IN_THROTTLED", "127.0.10.21")).isEqualTo(2);
	}

	@Test
	void aFloodOfFakeCheckInsIsStopped() {
		String code = runningActivity("刷签到");
		FromAddress flooder = new FromAddress("127.0.10.31", port);
		int accepted = 0;
		for (int i = 0; i < 30; i++) {
			FromAddress.Answer answer = submit(flooder.otherDevice(), code, "假人" + i, "1360000" + String.format("%04d", i), "RESIDENT");
			if (answer.status() == 200) {
				accepted++;
			} else {
				assertThat(answer.status()).isEqualTo(429);
				assertThat(answer.header("Retry-After")).isNotNull();
			}
		}
		assertThat(accepted).as("fake check-ins from one address").isLessThanOrEqualTo(10);

		int total = accepted;
		boolean activityFull = false;
		for (int a = 1; a <= 4; a++) {
			FromAddress device = new FromAddress("127.0.11." + a, port);
			for (int i = 0; i < 8; i++) {
				FromAddress.Answer answer = submit(device.otherDevice(), code, "路人" + a + i, "1350" + a + "00" + String.format("%04d", i), "RESIDENT");
				if (answer.status() == 200) {
					total++;
				} else {
					assertThat(answer.status()).isEqualTo(429);
					activityFull |= answer.body().contains("签到的人太多");
				}
			}
		}
		assertThat(total).as("check-ins into one activity within a minute").isLessThanOrEqualTo(30);
		assertThat(activityFull).isTrue();
		assertThat(participants(code)).hasSize(total);
		assertThat(auditDetails("CHECK_IN_THROTTLED", activityId(code))).as("the activity's limit, audited once").hasSize(1);

		TestClock.advance(Duration.ofSeconds(61));
		assertThat(submit(new FromAddress("127.0.11.9", port), code, "真居民", "13399998888", "RESIDENT").status()).as("a minute later").isEqualTo(200);
	}

	@Test
	void newActivitiesGetEightCharacterCodesAndOldSixCharacterCodesStillWork() {
		String code = runningActivity("八位码");
		assertThat(code).hasSize(8).matches("[" + ALPHABET + "]{8}");
		jdbc.sql("update activity set check_in_code = 'K7M2Q9' where check_in_code = :c").param("c", code).update();
		FromAddress phone = new FromAddress("127.0.10.41", port);
		assertThat(phone.get("/c/K7M2Q9").body()).contains("八位码");
		assertThat(phone.get("/c?code=k7m2q9").header("Location")).endsWith("/c/K7M2Q9");
		assertThat(submit(phone, "K7M2Q9", "孙七", "13122223333", "RESIDENT").body()).contains("孙七,签到成功");
	}

	private FromAddress.Answer submit(FromAddress device, String code, String name, String phone, String role) {
		return device.postForm("/c/" + code, "/c/" + code, Map.of("name", name, "phone", phone, "role", role));
	}

	private String runningActivity(String title) {
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
		DateTimeFormatter local = DateTimeFormatter.ISO_LOCAL_DATE_TIME;
		Api.Response planned = api.postJson("jiedao", "/api/v1/activities", "{\"orgUnitId\":" + community + ",\"title\":\"" + title
				+ "\",\"category\":\"志愿服务\",\"indicatorCodes\":[],\"startsAt\":\"" + local.format(now.minusMinutes(10)) + "\",\"endsAt\":\""
				+ local.format(now.plusHours(2)) + "\",\"place\":\"社区活动室\"}");
		assertThat(planned.status()).as(planned.text()).isEqualTo(201);
		return planned.json().get("checkInCode").asString();
	}

	private long activityId(String code) {
		return jdbc.sql("select id from activity where check_in_code = :c").param("c", code).query(Long.class).single();
	}

	private JsonNode participants(String code) {
		return api.get("jiedao", "/api/v1/activities/" + activityId(code) + "/participants").json();
	}

	private java.util.List<String> auditDetails(String action, long activityId) {
		return jdbc.sql("""
				select coalesce(detail, '') from audit_event where action = :action
				and (object_type = 'activity' and object_id = :a
				    or object_type = 'activity_participant' and object_id in (select cast(id as varchar) from activity_participant where activity_id = :id))""")
				.param("action", action).param("a", String.valueOf(activityId)).param("id", activityId).query(String.class).list();
	}

	private long audits(String action, String address) {
		return jdbc.sql("select count(*) from audit_event where action = :action and address = :address")
				.param("action", action).param("address", address).query(Long.class).single();
	}

	private static String randomCode(Random random, int length) {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < length; i++) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}
}
