package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The inspector sees at a glance that the account only reads, and the menu offers it no write actions. */
@IntegrationTest
class ReadOnlyMenuTests {

	@LocalServerPort
	int port;

	@Test
	void anInspectorIsMarkedReadOnlyAndOfferedNoWriteActionsInTheMenu() {
		String inspector = Session.login(port, "ceping", Api.PASSWORD).get("/readiness").body();
		assertThat(inspector).contains("data-testid=\"read-only\"", ">只读<")
				.doesNotContain("href=\"/recycle-bin\"", "href=\"/materials/new\"", "href=\"/residents/import\"")
				.contains("href=\"/inspection\"", "href=\"/facilities\"");

		String worker = Session.login(port, "shequ1", Api.PASSWORD).get("/readiness").body();
		assertThat(worker).doesNotContain("data-testid=\"read-only\"").contains("href=\"/recycle-bin\"", "href=\"/materials/new\"");
	}
}
