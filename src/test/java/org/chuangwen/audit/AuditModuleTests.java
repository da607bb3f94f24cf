package org.chuangwen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.chuangwen.ModuleFixture;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit trail with only the platform beside it: no accounts module, so the caller is a plain authenticated
 * principal with the auditor's role. Platform is named because the one injected {@code Clock} is its bean: audit uses
 * only platform's types otherwise, so Modulith does not count it as a bootstrap dependency. H2 only: the test rewrites an entry behind the trail's back, which PostgreSQL's
 * append-only trigger (V7_1) refuses, as it should.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "platform")
@TestPropertySource(properties = ModuleFixture.FIRST_ADMINISTRATOR)
class AuditModuleTests {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theChainVerifiesAndNamesTheFirstEntryChangedBehindItsBack() {
		audit.recordAs("module-test", "MATERIAL_FILED", "material", 1, null, "第一件");
		audit.recordAs("module-test", "MATERIAL_FILED", "material", 2, null, "第二件");
		assertThat(as("ROLE_AUDITOR", audit::verify).valid()).isTrue();

		List<AuditEntry> entries = as("ROLE_AUDITOR", () -> audit.recent("MATERIAL_FILED", "module-test", 0, 10));
		assertThat(entries).extracting(AuditEntry::detail).containsExactly("第二件", "第一件");
		long first = entries.get(1).id();
		jdbc.sql("update audit_event set detail = '改过的' where id = :id").param("id", first).update();

		Verification broken = as("ROLE_AUDITOR", audit::verify);
		assertThat(broken.valid()).isFalse();
		assertThat(broken.firstBrokenId()).isEqualTo(first);
	}

	@Test
	void onlyAnAuditAdministratorReadsTheTrail() {
		assertThatThrownBy(() -> as("ROLE_STREET", () -> audit.recent(null, null, 0, 10)))
				.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
	}

	private static <T> T as(String role, Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		TestingAuthenticationToken caller = new TestingAuthenticationToken("module-" + role.toLowerCase(), null, role);
		caller.setAuthenticated(true);
		context.setAuthentication(caller);
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
