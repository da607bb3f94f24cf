package org.chuangwen.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator imports edition files on the page: a broken one is refused and the edition in force stays. */
@IntegrationTest
class EditionImportTests {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Test
	void theImportReportNamesEveryProblemOfTheSeed() {
		String page = Session.login(port, "admin", Api.PASSWORD).get("/admin/catalog").body();
		assertThat(count(page, "data-problem=\"duplicate-code\"")).isEqualTo(2);
		assertThat(count(page, "data-problem=\"split-code\"")).isEqualTo(16);
		assertThat(count(page, "data-problem=\"title-corrected\"")).isEqualTo(1);
		assertThat(count(page, "data-problem=\"truncated\"")).isEqualTo(1);
		assertThat(page).contains("编号 Ⅲ-52 在原文中用于 2 个不同指标:社区志愿服务活动、网络环境。", "原文在“主要围绕我们”处中断");
	}

	@Test
	void aBrokenFileIsRefusedNamingEntryAndFieldAndChangesNothing() {
		Edition before = catalog.active();
		int editions = catalog.editions().size();
		String broken = EditionParserTests.seedFile()
				.replace("code: wmcs-shequ-2011", "code: broken-2012")
				.replace("evidenceKinds: [组织机构, 制度, 经费保障]", "evidenceKinds: [组织机构, 制度, 经费]");
		Session.Page refused = upload(broken);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("测评体系文件未导入:第 1 条指标(Ⅲ-115)的字段 evidenceKinds:未定义的材料种类“经费”",
				"当前使用的版本保持不变");
		assertThat(catalog.active().id()).isEqualTo(before.id());
		assertThat(catalog.editions()).hasSize(editions);
		assertThat(new Api(port).get("shequ1", "/api/v1/indicators").json()).hasSize(22);
	}

	@Test
	void aSoundFileComesIntoForceAndTheEarlierEditionCanBePutBack() {
		Edition original = catalog.active();
		String next = EditionParserTests.seedFile()
				.replace("code: wmcs-shequ-2011", "code: wmcs-shequ-2012")
				.replace("title: 精神文明创建组织机构", "title: 精神文明创建组织机构(2012)");
		try {
			Session.Page imported = upload(next);
			assertThat(imported.status()).isEqualTo(302);
			assertThat(new Api(port).get("shequ1", "/api/v1/indicators/Ⅲ-115".replace("Ⅲ", "III")).json().get("title").asString())
					.isEqualTo("精神文明创建组织机构(2012)");
			Session.Page again = upload(next);
			assertThat(again.status()).isEqualTo(409);
			assertThat(again.body()).contains("版本编码“wmcs-shequ-2012”已经导入过");
		} finally {
			Session admin = Session.login(port, "admin", Api.PASSWORD);
			admin.postForm("/admin/catalog/" + original.code() + "/activate", "/admin/catalog", "");
		}
		assertThat(catalog.active().code()).isEqualTo(original.code());
		assertThat(catalog.resolve("Ⅲ-115").title()).isEqualTo("精神文明创建组织机构");
	}

	@Test
	void anEmptyOrNonUtf8FileIsRefusedBeforeItIsParsedAndChangesNothing() {
		Edition before = catalog.active();
		int editions = catalog.editions().size();
		Session admin = Session.login(port, "admin", Api.PASSWORD);
		Session.Page empty = admin.postMultipart("/admin/catalog", "/admin/catalog",
				List.of(new Api.Part("file", "edition.yaml", "application/yaml", new byte[0])));
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.body()).contains("请选择要导入的测评体系文件");
		byte[] gbk = EditionParserTests.seedFile().getBytes(java.nio.charset.Charset.forName("GBK"));
		Session.Page notUtf8 = admin.postMultipart("/admin/catalog", "/admin/catalog",
				List.of(new Api.Part("file", "edition.yaml", "application/yaml", gbk)));
		assertThat(notUtf8.status()).isEqualTo(400);
		assertThat(notUtf8.body()).contains("测评体系文件必须是 UTF-8 编码");
		assertThat(catalog.active().id()).isEqualTo(before.id());
		assertThat(catalog.editions()).hasSize(editions);
	}

	@Test
	void workersCannotImport() {
		Session worker = Session.login(port, "shequ1", Api.PASSWORD);
		Session.Page refused = worker.postMultipart("/admin/catalog", "/readiness",
				List.of(new Api.Part("file", "e.yaml", "application/yaml", "x: 1".getBytes(StandardCharsets.UTF_8))));
		assertThat(refused.status()).isEqualTo(403);
	}

	private Session.Page upload(String yaml) {
		Session admin = Session.login(port, "admin", Api.PASSWORD);
		return admin.postMultipart("/admin/catalog", "/admin/catalog",
				List.of(new Api.Part("file", "edition.yaml", "application/yaml", yaml.getBytes(StandardCharsets.UTF_8))));
	}

	private static int count(String text, String needle) {
		return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
	}
}
