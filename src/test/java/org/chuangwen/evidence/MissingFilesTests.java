package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.platform.StorageProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A file row whose blob has gone (a disk restored from an older copy, a file deleted by hand) is reported at start,
 * in the log and in the audit log, and the material stays: nothing is dropped to make the numbers agree.
 */
@IntegrationTest
class MissingFilesTests {

	@LocalServerPort
	int port;

	@Autowired
	FileReferences references;

	@Autowired
	StorageProperties storage;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aMaterialWhoseBlobIsGoneIsReportedAndKept() throws Exception {
		Api api = new Api(port);
		// a community of its own: no other test exports a box whose file is gone
		// the street office files (administrators write no business data), so the community is in its street
		long street = api.get("jiedao", "/api/v1/me").json().get("orgUnitId").asLong();
		long community = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + street + ",\"kind\":\"COMMUNITY\",\"name\":\"缺文件社区\"}").id();
		byte[] photo = DemoFiles.jpeg(48, 48, new Color(0x5A17E5), null);
		Api.Response filed = api.file("jiedao", "{\"orgUnitId\":" + community
				+ ",\"kind\":\"图片\",\"title\":\"丢失的文件\",\"dateFormed\":\"2010-03-03\",\"indicatorCodes\":[\"Ⅲ-116\"]}", Api.Part.file("丢失.jpg", photo));
		assertThat(filed.status()).isEqualTo(201);
		long id = filed.id();
		String sha256 = filed.json().get("files").get(0).get("sha256").asString();
		Files.delete(storage.root().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256));

		references.afterSingletonsInstantiated();

		assertThat(references.missing()).extracting(FileReferences.Missing::material).contains(id);
		// read straight from the table: only the audit administrator may read the log through the application
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'MATERIAL_FILE_MISSING' and object_id = :id")
				.param("id", String.valueOf(id)).query(Long.class).single()).isPositive();
		assertThat(api.get("admin", "/api/v1/materials/" + id).status()).isEqualTo(200);
	}
}
