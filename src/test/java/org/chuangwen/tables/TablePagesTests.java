package org.chuangwen.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A worker records a donation on the donations page and files the 社区捐助统计表 from the tables page. */
@IntegrationTest
class TablePagesTests {

	@LocalServerPort
	int port;

	@Test
	void aWorkerRecordsADonationAndFilesTheTableWithOneClick() {
		Session worker = Session.login(port, "shequ1", Api.PASSWORD);
		String receipt = "YM-" + System.nanoTime();
		Session.Page saved = worker.postForm("/donations", "/donations", "donorKind=UNIT&donorName=" + enc("爱心企业") + "&form=MONEY&totalValue=1000"
				+ "&campaign=" + enc("慈善一日捐") + "&date=2026-05-04&receiptNumber=" + receipt + "&destination=" + enc("社区困难户"));
		assertThat(saved.status()).isEqualTo(302);
		Session.Page list = worker.get("/donations");
		assertThat(list.body()).contains(receipt, "爱心企业", "1000.00", "社区困难户", "已登记收据");

		worker.postForm("/donations", "/donations", "donorKind=UNIT&donorName=x&form=MONEY&totalValue=1&campaign=x&date=2026-05-04&receiptNumber="
				+ receipt);
		assertThat(worker.get("/donations").body()).as("the duplicate is refused in Chinese").contains("已经登记过");

		Session.Page page = worker.get("/tables");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("社区捐助统计表", "志愿者统计表", "归档");
		String unit = page.body().replaceAll("(?s).*<option value=\"(\\d+)\" selected.*", "$1");
		Session.Page filed = worker.postForm("/tables/donations/file?orgUnitId=" + unit + "&from=2026-05-01&to=2026-05-31", "/tables", "");
		assertThat(filed.status()).isEqualTo(302);
		assertThat(worker.get(filed.location().replaceFirst("^https?://[^/]+", "")).body()).contains("已归档", "社区捐助统计表(2026-05-01至2026-05-31)");
		assertThat(worker.bytes("/tables/donations.xlsx?orgUnitId=" + unit + "&from=2026-05-01&to=2026-05-31")).isNotEmpty();

		Session inspector = Session.login(port, "ceping", Api.PASSWORD);
		assertThat(inspector.get("/tables").body()).contains("社区捐助统计表").doesNotContain("data-testid=\"file-donations\"");
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
