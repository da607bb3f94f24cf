package org.chuangwen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.TestEnvironment;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail as an audit administrator sees it: a hash chain that verifies after concurrent appends and
 * uploads, breaks at the first changed, removed or added entry, survives the retention purge, exports as XLSX
 * with Chinese action names, and is closed to every other role.
 */
@IntegrationTest
class AuditChainTests {

	static final String AUDITOR = "shenji-test:Audit@2026x";
	static final List<String> COLUMNS = List.of("occurred_at", "actor", "action", "object_type", "object_id", "org_unit_id", "address", "detail", "hash");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	AuditChain chain;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		if (jdbc.sql("select count(*) from app_user where username = 'shenji-test'").query(Long.class).single() == 0) {
			long root = jdbc.sql("select id from org_unit where parent_id is null order by id fetch first 1 rows only").query(Long.class).single();
			accounts.create("shenji-test", "Audit@2026x", "审计管理员(测试)", root, Set.of(Role.AUDITOR));
		}
	}

	@Test
	void theAuditorVerifiesTheChainAndTheCheckIsItselfAudited() {
		long before = count("AUDIT_VERIFIED");
		Api.Response verified = api.get(AUDITOR, "/api/v1/audit/verify");

		assertThat(verified.status()).isEqualTo(200);
		assertThat(verified.json().get("valid").asBoolean()).as(verified.text()).isTrue();
		assertThat(verified.json().get("entries").asLong()).isPositive();
		assertThat(verified.json().get("firstBrokenId").isNull()).isTrue();
		assertThat(count("AUDIT_VERIFIED")).isEqualTo(before + 1);
	}

	@Test
	void noOtherRoleReadsVerifiesOrExportsTheLog() {
		for (String user : List.of("admin", "shequ1", "ceping")) {
			long denied = jdbc.sql("select count(*) from audit_event where action = 'DENIED' and actor = :u").param("u", user).query(Long.class).single();
			Api.Response verify = api.get(user, "/api/v1/audit/verify");
			assertThat(verify.status()).as(user).isEqualTo(403);
			assertThat(verify.json().get("error").asString()).isEqualTo("forbidden");
			// the URL rule refuses first; the facade refuses the same with its own words when reached otherwise
			assertThat(verify.json().get("message").asString()).isIn("您没有权限进行此操作。", "只有审计管理员可以查看、校验和导出审计日志。");
			assertThat(api.get(user, "/api/v1/audit.xlsx?from=2026-01-01&to=2026-12-31").status()).as(user).isEqualTo(403);
			assertThat(jdbc.sql("select count(*) from audit_event where action = 'DENIED' and actor = :u").param("u", user).query(Long.class).single())
					.isEqualTo(denied + 2);
		}
	}

	@Test
	void aHundredConcurrentAppendsKeepOneUnbrokenChain() throws Exception {
		long before = chain.verify().entries();
		List<Callable<Object>> appends = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			int n = i;
			appends.add(() -> {
				audit.recordAs("concurrent", "TEST_APPEND", "thing", n, null, "append " + n);
				return null;
			});
		}
		runAllAtOnce(appends);

		Verification after = verifyAsAuditor();
		assertThat(after.valid()).isTrue();
		assertThat(after.entries()).isGreaterThanOrEqualTo(before + 100);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'TEST_APPEND'").query(Long.class).single()).isEqualTo(100);
	}

	/** Each upload audits MATERIAL_FILED once its rows are in. Fifty at once into one community. */
	@Test
	void fiftyConcurrentUploadsAreAllFiledAndTheirAuditEntriesChain() throws Exception {
		long street = api.get("jiedao", "/api/v1/me").json().get("orgUnitId").asLong();
		Api.Response created = api.postJson("admin", "/api/v1/org-units",
				"{\"parentId\":" + street + ",\"kind\":\"COMMUNITY\",\"name\":\"审计并发社区" + System.nanoTime() + "\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long community = created.id();
		long filedBefore = count("MATERIAL_FILED");
		List<Callable<Object>> uploads = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			int n = i;
			uploads.add(() -> {
				Api.Response response = api.file("jiedao",
						"{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"并发上传 " + n + "\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\"Ⅲ-29\"]}",
						Api.Part.file("方案" + n + ".docx", DemoFiles.docx("并发上传 " + n, "正文 " + n + " " + System.nanoTime())));
				assertThat(response.status()).as(response.text()).isEqualTo(201);
				return null;
			});
		}
		runAllAtOnce(uploads);

		assertThat(count("MATERIAL_FILED")).isEqualTo(filedBefore + 50);
		assertThat(verifyAsAuditor().valid()).isTrue();
	}

	/** Denials are audited from the security filters, outside any transaction: fifty at once still chain. */
	@Test
	void fiftyConcurrentDenialsChain() throws Exception {
		long community = api.get("shequ1", "/api/v1/me").json().get("orgUnitId").asLong();
		long deniedBefore = count("DENIED");
		List<Callable<Object>> refused = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			int n = i;
			refused.add(() -> {
				Api.Response response = api.file("admin",
						"{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"拒绝 " + n + "\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\"Ⅲ-29\"]}",
						Api.Part.file("拒绝" + n + ".docx", DemoFiles.docx("拒绝 " + n, "正文 " + n)));
				assertThat(response.status()).isEqualTo(403);
				return null;
			});
		}
		runAllAtOnce(refused);

		assertThat(count("DENIED")).isGreaterThanOrEqualTo(deniedBefore + 50);
		assertThat(verifyAsAuditor().valid()).isTrue();
	}

	@Test
	void changingAnyFieldOfAnEntryBreaksTheChainExactlyThere() throws Exception {
		long[] ids = appendThree();
		for (long id : ids) {
			for (String column : COLUMNS) {
				Object original = read(id, column);
				tamper("update audit_event set " + column + " = ? where id = ?", changed(column, original), id);
				Verification broken = verifyAsAuditor();
				assertThat(broken.valid()).as(column + " of " + id).isFalse();
				assertThat(broken.firstBrokenId()).as(column + " of " + id).isEqualTo(id);
				tamper("update audit_event set " + column + " = ? where id = ?", original, id);
				assertThat(verifyAsAuditor().valid()).as("restored " + column).isTrue();
			}
		}
	}

	@Test
	void deletingAnEntryInTheMiddleOrAtTheEndBreaksTheChain() throws Exception {
		long[] ids = appendThree();
		List<Object> middle = row(ids[1]);
		tamper("delete from audit_event where id = ?", ids[1]);
		Verification broken = verifyAsAuditor();
		assertThat(broken.valid()).isFalse();
		assertThat(broken.firstBrokenId()).isEqualTo(ids[2]);
		reinsert(middle);
		assertThat(verifyAsAuditor().valid()).isTrue();

		long newest = chain.verify().entries() > 0 ? lastId() : 0;
		List<Object> last = row(newest);
		tamper("delete from audit_event where id = ?", newest);
		broken = chain.verify();
		assertThat(broken.valid()).isFalse();
		assertThat(broken.firstBrokenId()).isEqualTo(newest);
		reinsert(last);
		assertThat(chain.verify().valid()).isTrue();
	}

	@Test
	void anEntryAddedBehindTheApplicationsBackBreaksTheChain() throws Exception {
		long newest = lastId();
		List<Object> copy = new ArrayList<>(row(newest));
		copy.set(0, newest + 1);
		reinsert(copy);
		Verification broken = chain.verify();
		assertThat(broken.valid()).isFalse();
		assertThat(broken.firstBrokenId()).isEqualTo(newest + 1);
		tamper("delete from audit_event where id = ?", newest + 1);
		assertThat(chain.verify().valid()).isTrue();
	}

	@Test
	void theRetentionPurgeKeepsTheChainVerifiableFromTheFirstKeptEntryAndIsAudited() {
		long[] ids = appendThree();
		OffsetDateTime keptFirst = jdbc.sql("select occurred_at from audit_event where id = :id").param("id", ids[1]).query(OffsetDateTime.class).single();
		long purgedBefore = count("AUDIT_PURGED");

		int removed = chain.purgeBefore(keptFirst.toInstant(), "system");

		assertThat(removed).isPositive();
		assertThat(jdbc.sql("select count(*) from audit_event where id <= :id").param("id", ids[0]).query(Long.class).single()).isZero();
		assertThat(count("AUDIT_PURGED")).isEqualTo(purgedBefore + 1);
		Verification after = verifyAsAuditor();
		assertThat(after.valid()).isTrue();
		assertThat(after.entries()).isEqualTo(jdbc.sql("select count(*) from audit_event where hash is not null").query(Long.class).single() - 1);
	}

	@Test
	void onPostgresTheDatabaseItselfRefusesToChangeOrDeleteEntries() {
		if (!"postgres".equals(TestEnvironment.DATABASE)) {
			return;
		}
		long newest = lastId();
		assertThat(refused("update audit_event set detail = 'x' where id = " + newest)).contains("append-only");
		assertThat(refused("delete from audit_event where id = " + newest)).contains("append-only");
		assertThat(refused("truncate audit_event")).contains("append-only");
	}

	@Test
	void theAuditorExportsADateRangeAsXlsxWithChineseActionNamesAndTheExportIsAudited() throws Exception {
		audit.recordAs("exporter-test", "MATERIAL_FILED", "material", 1, null, "for the export");
		long exports = count("AUDIT_EXPORTED");
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

		Api.Response xlsx = api.get(AUDITOR, "/api/v1/audit.xlsx?from=" + today.minusDays(1) + "&to=" + today);

		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("filename*=UTF-8''");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("动作");
			List<String> ours = new ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && "exporter-test".equals(row.getCell(2).getStringCellValue())) {
					ours.add(row.getCell(3).getStringCellValue() + "|" + row.getCell(4).getStringCellValue() + "|" + row.getCell(8).getStringCellValue());
				}
			}
			assertThat(ours).containsExactly("上传归档材料|MATERIAL_FILED|for the export");
		}
		assertThat(count("AUDIT_EXPORTED")).isEqualTo(exports + 1);

		Api.Response empty = api.get(AUDITOR, "/api/v1/audit.xlsx?from=2001-01-01&to=2001-01-02");
		assertThat(empty.status()).isEqualTo(200);
	}

	@Test
	void aReversedMissingOrInvalidRangeIsRefusedInChinese() {
		Api.Response reversed = api.get(AUDITOR, "/api/v1/audit.xlsx?from=2026-02-01&to=2026-01-01");
		assertThat(reversed.status()).isEqualTo(400);
		assertThat(reversed.json().get("error").asString()).isEqualTo("bad_range");
		assertThat(reversed.json().get("message").asString()).isEqualTo("起始日期 2026-02-01 晚于截止日期 2026-01-01。");
		Api.Response missing = api.get(AUDITOR, "/api/v1/audit.xlsx?from=2026-02-01");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("message").asString()).isEqualTo("请填写导出的起始日期和截止日期。");
		assertThat(api.get(AUDITOR, "/api/v1/audit.xlsx?from=2026-02-30&to=2026-03-01").json().get("error").asString()).isEqualTo("invalid_date");
	}

	@Test
	void valuesTheDatabaseWouldAlterAreStoredSoTheChainStillVerifies() {
		audit.recordAs("x".repeat(300), "TEST_ODD", "thing", "\ud800lone", null, "nul\0 and 😀".repeat(200));
		assertThat(chain.verify().valid()).isTrue();
	}

	private long[] appendThree() {
		long[] ids = new long[3];
		for (int i = 0; i < 3; i++) {
			audit.recordAs("tamper-test", "TEST_TAMPER", "thing", i, 1L, "entry " + i);
			ids[i] = lastId();
		}
		return ids;
	}

	private Verification verifyAsAuditor() {
		Api.Response response = api.get(AUDITOR, "/api/v1/audit/verify");
		assertThat(response.status()).isEqualTo(200);
		var json = response.json();
		return new Verification(json.get("valid").asBoolean(), json.get("entries").asLong(),
				json.get("firstBrokenId").isNull() ? null : json.get("firstBrokenId").asLong());
	}

	private static void runAllAtOnce(List<Callable<Object>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (Callable<Object> task : tasks) {
				futures.add(pool.submit(() -> {
					start.await();
					return task.call();
				}));
			}
			start.countDown();
			for (Future<Object> future : futures) {
				future.get(5, TimeUnit.MINUTES);
			}
		} finally {
			pool.shutdownNow();
		}
	}

	private long count(String action) {
		return jdbc.sql("select count(*) from audit_event where action = :a").param("a", action).query(Long.class).single();
	}

	private long lastId() {
		return jdbc.sql("select max(id) from audit_event").query(Long.class).single();
	}

	private Object read(long id, String column) throws SQLException {
		try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select " + column + " from audit_event where id = ?")) {
			s.setLong(1, id);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return column.equals("occurred_at") ? rs.getObject(1, OffsetDateTime.class) : rs.getObject(1);
			}
		}
	}

	private List<Object> row(long id) throws SQLException {
		List<Object> values = new ArrayList<>();
		values.add(id);
		for (String column : COLUMNS) {
			values.add(read(id, column));
		}
		return values;
	}

	private void reinsert(List<Object> row) throws SQLException {
		tamper("insert into audit_event (id, " + String.join(", ", COLUMNS) + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.toArray());
	}

	private static Object changed(String column, Object original) {
		return switch (column) {
			case "occurred_at" -> ((OffsetDateTime) original).plusNanos(1000);
			case "org_unit_id" -> original == null ? 1L : ((Number) original).longValue() + 1;
			case "hash" -> "f".repeat(64);
			default -> original == null ? "x" : original + "x";
		};
	}

	/** Changes rows as someone with direct database access would; on PostgreSQL past the append-only trigger. */
	private void tamper(String sql, Object... args) throws SQLException {
		try (Connection c = dataSource.getConnection()) {
			boolean postgres = "postgres".equals(TestEnvironment.DATABASE);
			if (postgres) {
				try (Statement s = c.createStatement()) {
					s.execute("set session_replication_role = replica");
				}
			}
			try (PreparedStatement s = c.prepareStatement(sql)) {
				for (int i = 0; i < args.length; i++) {
					s.setObject(i + 1, args[i]);
				}
				s.executeUpdate();
			} finally {
				if (postgres) {
					try (Statement s = c.createStatement()) {
						s.execute("set session_replication_role = origin");
					}
				}
			}
			if (!c.getAutoCommit()) {
				c.commit();
			}
		}
	}

	private String refused(String sql) {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute(sql);
			return "not refused";
		} catch (SQLException e) {
			return e.getMessage();
		}
	}
}
