package org.chuangwen.moralbank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import org.chuangwen.DistrictOffice;
import org.chuangwen.IntegrationTest;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.platform.Zones;
import org.chuangwen.tables.StatisticsTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The moral bank's books through the real API and database: they always balance, and every movement is a posting. */
@IntegrationTest
class MoralBankTests {

	private static final AtomicInteger SEQUENCE = new AtomicInteger(new Random().nextInt(400) * 2 + 1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	List<StatisticsTable> tables;

	Api api;
	long community;
	String district;

	@BeforeEach
	void aFreshCommunity() {
		api = new Api(port);
		long street = 0;
		for (JsonNode unit : api.get("admin", "/api/v1/org-units").json()) {
			if (unit.get("name").asString().equals("幸福街道")) {
				street = unit.get("id").asLong();
			}
		}
		community = api.postJson("admin", "/api/v1/org-units",
				"{\"parentId\":" + street + ",\"kind\":\"COMMUNITY\",\"name\":\"道德银行社区" + SEQUENCE.incrementAndGet() + "\"}").id();
		api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"1号楼\"}");
		district = DistrictOffice.ensure(accounts, api);
	}

	@Test
	void randomPostingsAndReversalsKeepTheBooksBalanced() {
		long account = account("钱道德");
		long reward = reward("环保袋", 30);
		Random random = new Random(7);
		List<Long> reversible = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			int choice = random.nextInt(4);
			Api.Response r = switch (choice) {
				case 0 -> post(account, "DEPOSIT", 1 + random.nextInt(50), "扶老人过马路", null, null);
				case 1 -> post(account, "DEDUCTION", 1 + random.nextInt(20), "乱扔垃圾", null, null);
				case 2 -> post(account, "REDEMPTION", null, null, reward, null);
				default -> reversible.isEmpty() ? post(account, "DEPOSIT", 5, "清扫楼道", null, null)
						: post(account, "REVERSAL", null, "录入有误", null, reversible.remove(random.nextInt(reversible.size())));
			};
			if (r.status() == 201) {
				if (!r.json().get("kind").asString().equals("REVERSAL")) {
					reversible.add(r.id());
				}
			} else {
				assertThat(r.json().get("error").asString()).as("only a redemption beyond the balance is refused").isEqualTo("insufficient_balance");
			}
		}

		// debits equal credits over the whole books: the balances of all accounts add up to zero
		Map<Long, Long> balances = new HashMap<>();
		for (Map<String, Object> p : jdbc.sql("select debit_account_id, credit_account_id, points from moral_posting").query().listOfRows()) {
			long points = ((Number) p.get("points")).longValue();
			assertThat(points).isPositive();
			balances.merge(((Number) p.get("debit_account_id")).longValue(), -points, Long::sum);
			balances.merge(((Number) p.get("credit_account_id")).longValue(), points, Long::sum);
		}
		assertThat(balances.values().stream().mapToLong(Long::longValue).sum()).isZero();

		// each balance the API answers is the sum of its postings, and a reversed posting nets to zero with its reversal
		JsonNode statement = api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json();
		long sum = 0;
		Map<Long, Long> amounts = new HashMap<>();
		for (JsonNode p : statement.get("postings")) {
			sum += p.get("amount").asLong();
			amounts.put(p.get("id").asLong(), p.get("amount").asLong());
		}
		assertThat(statement.get("balance").asLong()).isEqualTo(sum).isEqualTo(balances.get(account));
		int reversals = 0;
		for (JsonNode p : statement.get("postings")) {
			if (p.get("kind").asString().equals("REVERSAL")) {
				reversals++;
				assertThat(p.get("amount").asLong() + amounts.get(p.get("reverses").asLong())).isZero();
			}
		}
		assertThat(reversals).isPositive();
		JsonNode again = api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json();
		Api.Response twice = post(account, "REVERSAL", null, null, null, firstReversed(again));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("error").asString()).isEqualTo("already_reversed");
	}

	@Test
	void aRedemptionBeyondTheBalanceIsRefusedAndNothingIsPosted() {
		long account = account("孙兑换");
		long reward = reward("洗衣液", 100);
		assertThat(post(account, "DEPOSIT", 60, "帮邻居修水管", null, null).status()).isEqualTo(201);
		long before = jdbc.sql("select count(*) from moral_posting").query(Long.class).single();

		Api.Response refused = post(account, "REDEMPTION", null, null, reward, null);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("error").asString()).isEqualTo("insufficient_balance");
		assertThat(refused.json().get("message").asString()).contains("积分余额不足").contains("60").contains("100");
		assertThat(jdbc.sql("select count(*) from moral_posting").query(Long.class).single()).isEqualTo(before);

		assertThat(post(account, "DEPOSIT", 40, "参加义务植树", null, null).status()).isEqualTo(201);
		Api.Response redeemed = post(account, "REDEMPTION", null, null, reward, null);
		assertThat(redeemed.status()).isEqualTo(201);
		assertThat(redeemed.json().get("amount").asLong()).isEqualTo(-100);
		assertThat(api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json().get("balance").asLong()).isZero();
	}

	@Test
	void aDepositIsReversedNotDeleted() {
		long account = account("周冲正");
		long deposit = post(account, "DEPOSIT", 25, "拾金不昧", null, null).id();
		Api.Response reversal = post(account, "REVERSAL", null, "重复录入", null, deposit);
		assertThat(reversal.status()).isEqualTo(201);
		assertThat(reversal.json().get("amount").asLong()).isEqualTo(-25);
		assertThat(reversal.json().get("reverses").asLong()).isEqualTo(deposit);
		JsonNode statement = api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json();
		assertThat(statement.get("balance").asLong()).isZero();
		assertThat(statement.get("postings")).hasSize(2);
		assertThat(post(account, "REVERSAL", null, null, null, reversal.id()).json().get("error").asString()).isEqualTo("invalid_reversal");
		assertThat(post(account, "DEDUCTION", 5, "", null, null).json().get("error").asString()).as("a deduction needs a reason")
				.isEqualTo("memo_required");
	}

	@Test
	void aForeignAccountIsNotFoundAndAnInspectorMayOnlyRead() {
		long account = account("吴范围");
		Api.Response foreign = api.get("shequ2", "/api/v1/moral-bank/accounts/" + account);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("error").asString()).isEqualTo("not_found");
		assertThat(post("shequ2", account, "DEPOSIT", 10, "好人好事", null, null).status()).isEqualTo(404);
		assertThat(api.get("ceping", "/api/v1/moral-bank/accounts/" + account).status()).isEqualTo(200);
		assertThat(post("ceping", account, "DEPOSIT", 10, "好人好事", null, null).status()).isEqualTo(403);
		assertThat(api.get("jiedao", "/api/v1/moral-bank/accounts/" + (account + 100000)).status()).isEqualTo(404);
	}

	@Test
	void confirmedVolunteerHoursOfALinkedResidentBecomeADepositAndACorrectionIsReversedAndReposted() {
		String name = "郑志愿";
		long resident = resident(name);
		long volunteer = api.postJson("jiedao", "/api/v1/volunteers",
				"{\"orgUnitId\":" + community + ",\"name\":\"" + name + "\",\"phone\":\"" + phone(name) + "\",\"residentId\":" + resident + "}").id();
		String day = LocalDate.now(Zones.SHANGHAI).minusDays(1).toString();
		long record = api.postJson("jiedao", "/api/v1/volunteers/" + volunteer + "/service-records",
				"{\"date\":\"" + day + "\",\"hours\":3,\"content\":\"社区巡逻\",\"place\":\"小区\"}").id();
		assertThat(api.postJson(district, "/api/v1/service-records/" + record + "/approval", "").status()).isEqualTo(200);

		long account = api.postJson("jiedao", "/api/v1/moral-bank/accounts", "{\"residentId\":" + resident + "}").id();
		JsonNode statement = api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json();
		assertThat(statement.get("balance").asLong()).as("3 hours at the default 10 points an hour").isEqualTo(30);
		assertThat(statement.get("postings")).singleElement().satisfies(p -> {
			assertThat(p.get("kind").asString()).isEqualTo("DEPOSIT");
			assertThat(p.get("memo").asString()).contains("志愿服务 3 小时");
		});

		assertThat(api.postJson("jiedao", "/api/v1/service-records/" + record + "/corrections", "{\"hours\":2.5,\"reason\":\"按实际时长更正\"}").status())
				.isEqualTo(201);
		statement = api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json();
		assertThat(statement.get("balance").asLong()).isEqualTo(25);
		assertThat(statement.get("postings")).extracting(p -> p.get("kind").asString() + " " + p.get("amount").asLong())
				.containsExactly("DEPOSIT 30", "REVERSAL -30", "DEPOSIT 25");
	}

	@Test
	void theStatisticsTableSumsThePeriodPerHolder() {
		long first = account("冯统计");
		long second = account("陈统计");
		long reward = reward("毛巾", 10);
		post(first, "DEPOSIT", 50, "照顾孤寡老人", null, null);
		long wrong = post(first, "DEDUCTION", 20, "误录", null, null).id();
		post(first, "REVERSAL", null, "扣减有误", null, wrong);
		post(first, "DEDUCTION", 5, "占用消防通道", null, null);
		post(first, "REDEMPTION", null, null, reward, null);
		post(second, "DEPOSIT", 8, "清理小广告", null, null);

		StatisticsTable table = tables.stream().filter(t -> t.name().equals("moral-bank")).findFirst().orElseThrow();
		assertThat(table.title()).isEqualTo("道德银行服务统计表");
		LocalDate today = LocalDate.now(Zones.SHANGHAI);
		StatisticsTable.Table computed = accounts.callAs(district, () -> table.compute(community, today.withDayOfMonth(1), today));
		assertThat(computed.columns()).containsExactly("序号", "户主/居民", "存入积分", "扣减积分", "兑换积分", "期末余额");
		assertThat(computed.rows()).extracting(r -> r.subList(1, 6).toString())
				.containsExactly("[冯统计, 50, 5, 10, 35]", "[陈统计, 8, 0, 0, 8]");
		assertThat(computed.totals()).containsExactly("合计", "", 58L, 5L, 10L, 43L);
		StatisticsTable.Table before = accounts.callAs(district, () -> table.compute(community, today.minusYears(1), today.minusMonths(2)));
		assertThat(before.totals()).containsExactly("合计", "", 0L, 0L, 0L, 0L);
	}

	@Test
	void aGoodDeedIsDepositedWhenSomeoneElseConfirmsTheApplication() {
		long account = account("林好事");
		Api.Response applied = api.postJson("jiedao", "/api/v1/moral-bank/applications", "{\"accountId\":" + account + ",\"points\":15,\"deed\":\"救助落水儿童\"}");
		assertThat(applied.status()).isEqualTo(201);
		assertThat(applied.json().get("status").asString()).isEqualTo("PENDING");
		long id = applied.id();
		assertThat(api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json().get("balance").asLong()).as("nothing before confirmation").isZero();

		Api.Response own = api.postJson("jiedao", "/api/v1/moral-bank/applications/" + id + "/confirmation", "");
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.json().get("error").asString()).isEqualTo("same_person");
		assertThat(api.postJson("shequ2", "/api/v1/moral-bank/applications/" + id + "/confirmation", "").status()).isEqualTo(404);
		assertThat(api.get(district, "/api/v1/moral-bank/applications/pending").json()).extracting(a -> a.get("id").asLong()).contains(id);

		Api.Response confirmed = api.postJson(district, "/api/v1/moral-bank/applications/" + id + "/confirmation", "");
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(api.postJson(district, "/api/v1/moral-bank/applications/" + id + "/confirmation", "").status()).isEqualTo(409);
		JsonNode statement = api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json();
		assertThat(statement.get("balance").asLong()).isEqualTo(15);
		assertThat(statement.get("postings").get(0).get("memo").asString()).isEqualTo("救助落水儿童");

		long refused = api.postJson("jiedao", "/api/v1/moral-bank/applications", "{\"accountId\":" + account + ",\"points\":99,\"deed\":\"自称做了好事\"}").id();
		Api.Response refusal = api.postJson(district, "/api/v1/moral-bank/applications/" + refused + "/refusal", "{\"reason\":\"无人证实\"}");
		assertThat(refusal.json().get("status").asString()).isEqualTo("REFUSED");
		assertThat(api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json().get("balance").asLong()).isEqualTo(15);
	}

	@Test
	void theMonthlyPublicityListNamesEveryHolderWithoutPersonalNumbers() throws IOException {
		long account = account("何公示");
		post(account, "DEPOSIT", 12, "义务理发", null, null);
		post(account, "DEDUCTION", 2, "高空抛物", null, null);
		String month = java.time.YearMonth.now(Zones.SHANGHAI).toString();
		Api.Response sheet = api.get("jiedao", "/api/v1/moral-bank/publicity.xlsx?orgUnitId=" + community + "&month=" + month);
		assertThat(sheet.status()).isEqualTo(200);
		List<String> lines = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(sheet.body()))) {
			org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				row.forEach(c -> cells.add(format.formatCellValue(c)));
				lines.add(String.join("|", cells));
			}
		}
		assertThat(lines.get(0)).contains("道德银行积分公示");
		assertThat(lines).contains("序号|姓名|本月存入|本月扣减|本月兑换|月末余额", "1|何公示|12|2|0|10");
		assertThat(String.join("\n", lines)).doesNotContainPattern("1[3-9]\\d{9}").doesNotContainPattern("\\d{17}[0-9X]");
		assertThat(api.get("shequ2", "/api/v1/moral-bank/publicity.xlsx?orgUnitId=" + community).status()).isEqualTo(404);
		assertThat(api.get("jiedao", "/api/v1/moral-bank/publicity.xlsx?orgUnitId=" + community + "&month=11-2026").json().get("error").asString())
				.isEqualTo("invalid_month");
	}

	@Test
	void thePagesShowBalancesAndARefusedRedemptionComesBackWithItsMessage() {
		long account = account("黄页面");
		long reward = reward("雨伞", 50);
		post(account, "DEPOSIT", 20, "送迷路老人回家", null, null);
		org.chuangwen.Session worker = org.chuangwen.Session.login(port, "jiedao", Api.PASSWORD);
		org.chuangwen.Session.Page index = worker.get("/moral-bank?orgUnitId=" + community);
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("道德银行").contains("黄页面").contains("雨伞");
		String page = "/moral-bank/accounts/" + account;
		assertThat(worker.get(page).body()).contains("送迷路老人回家").contains("存入");

		org.chuangwen.Session.Page refused = worker.postForm(page + "/postings", page, "kind=REDEMPTION&rewardId=" + reward);
		assertThat(refused.status()).isEqualTo(302);
		assertThat(worker.get(page).body()).contains("积分余额不足");
		assertThat(api.get("jiedao", "/api/v1/moral-bank/accounts/" + account).json().get("balance").asLong()).isEqualTo(20);

		worker.postForm(page + "/applications", page, "points=40&deed=" + java.net.URLEncoder.encode("扑灭楼道火情", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(org.chuangwen.Session.login(port, district, Api.PASSWORD).get("/moral-bank?orgUnitId=" + community).body()).contains("扑灭楼道火情")
				.contains("确认存入");
		assertThat(org.chuangwen.Session.login(port, "shequ2", Api.PASSWORD).get(page).status()).isEqualTo(404);
	}

	private long firstReversed(JsonNode statement) {
		for (JsonNode p : statement.get("postings")) {
			if (p.get("kind").asString().equals("REVERSAL")) {
				return p.get("reverses").asLong();
			}
		}
		throw new AssertionError("no reversal");
	}

	private Api.Response post(long account, String kind, Integer points, String memo, Long reward, Long reverses) {
		return post("jiedao", account, kind, points, memo, reward, reverses);
	}

	private Api.Response post(String user, long account, String kind, Integer points, String memo, Long reward, Long reverses) {
		String json = "{\"accountId\":" + account + ",\"kind\":\"" + kind + "\"" + (points == null ? "" : ",\"points\":" + points)
				+ (memo == null ? "" : ",\"memo\":\"" + memo + "\"") + (reward == null ? "" : ",\"rewardId\":" + reward)
				+ (reverses == null ? "" : ",\"reversesId\":" + reverses) + "}";
		return api.postJson(user, "/api/v1/moral-bank/postings", json);
	}

	private long reward(String name, int points) {
		Api.Response created = api.postJson("jiedao", "/api/v1/moral-bank/rewards", "{\"orgUnitId\":" + community + ",\"name\":\"" + name + "\",\"points\":" + points + "}");
		assertThat(created.status()).isEqualTo(201);
		return created.id();
	}

	private long account(String name) {
		Api.Response opened = api.postJson("jiedao", "/api/v1/moral-bank/accounts", "{\"residentId\":" + resident(name) + "}");
		assertThat(opened.status()).isEqualTo(201);
		return opened.id();
	}

	/** Imports one resident into the community's 1号楼 and answers their id. */
	private long resident(String name) {
		int n = SEQUENCE.addAndGet(2);
		String first17 = "110101" + "1975%02d%02d".formatted(1 + n % 12, 1 + n % 28) + "%03d".formatted((n / 2 % 500) * 2 + 1);
		List<String> row = List.of(name, "男", first17 + check(first17), phone(name), "1号楼", "1单元", "10" + (n % 10), "户主", "户籍人口", "");
		Api.Response imported = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community, List.of(Api.Part.file("r.xlsx", xlsx(row))));
		assertThat(imported.json().get("imported").asInt()).as(imported.text()).isEqualTo(1);
		for (JsonNode item : api.get("jiedao", "/api/v1/residents?orgUnitId=" + community + "&size=200").json().get("items")) {
			if (item.get("name").asString().equals(name)) {
				return item.get("id").asLong();
			}
		}
		throw new AssertionError("resident not listed: " + name);
	}

	private final Map<String, String> phones = new HashMap<>();

	private String phone(String name) {
		return phones.computeIfAbsent(name, k -> "137" + "%08d".formatted(new Random().nextInt(100_000_000)));
	}

	private static char check(String first17) {
		int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

	private static byte[] xlsx(List<String> row) {
		List<String> header = List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体");
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("居民");
			write(sheet.createRow(0), header);
			write(sheet.createRow(1), row);
			book.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void write(Row row, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			row.createCell(i).setCellValue(cells.get(i));
		}
	}
}
