package org.chuangwen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditPageTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void theAuditorBrowsesVerifiesAndExportsOnThePage() {
		if (jdbc.sql("select count(*) from app_user where username = 'shenji-page'").query(Long.class).single() == 0) {
			long root = jdbc.sql("select id from org_unit where parent_id is null order by id fetch first 1 rows only").query(Long.class).single();
			accounts.create("shenji-page", "Audit@2026x", "审计", root, Set.of(Role.AUDITOR));
		}
		Session auditor = Session.login(port, "shenji-page", "Audit@2026x");
		Session.Page page = auditor.get("/admin/audit");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("校验完整性").contains("导出 Excel").contains("登录");
		Matcher csrf = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).isTrue();
		Session.Page verified = auditor.post("/admin/audit/verify", "_csrf=" + csrf.group(1));
		assertThat(verified.body()).contains("审计日志完整");
		byte[] xlsx = auditor.bytes("/admin/audit/export.xlsx?from=2020-01-01&to=2030-01-01");
		assertThat(xlsx.length).isPositive();
	}
}
