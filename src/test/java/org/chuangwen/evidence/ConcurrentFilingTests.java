package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.chuangwen.demo.DemoFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Sixty workers file into one community at the same moment, as happens the evening before an inspection: every one
 * is answered 201, every file reads back byte for byte (also the photos several of them sent identically), and the
 * readiness counters count every material once.
 */
@IntegrationTest
class ConcurrentFilingTests {

	private static final int WORKERS = 60;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sixtyConcurrentFilingsIntoOneCommunityAllSucceedAndCountOnce() throws Exception {
		Api api = new Api(port);
		long community = newCommunity(api);
		byte[][] shared = {DemoFiles.jpeg(40, 30, Color.RED, null), DemoFiles.jpeg(40, 30, Color.GREEN, null), DemoFiles.jpeg(40, 30, Color.BLUE, null)};
		List<byte[][]> sent = new ArrayList<>();
		for (int i = 0; i < WORKERS; i++) {
			sent.add(new byte[][] {DemoFiles.jpeg(64, 48, new Color(0x100000 + i * 7919), null), shared[i % shared.length],
					DemoFiles.jpeg(32, 32, new Color(0x800000 + i * 104729), null)});
		}

		ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Response>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < WORKERS; i++) {
				int n = i;
				// half name the indicators the other way round: two filings then touch the same counters in opposite orders
				String codes = n % 2 == 0 ? "\"Ⅲ-116\",\"Ⅲ-117\"" : "\"Ⅲ-117\",\"Ⅲ-116\"";
				String meta = "{\"orgUnitId\":" + community + ",\"kind\":\"图片\",\"title\":\"并发" + n
						+ "\",\"dateFormed\":\"2010-05-0" + (1 + n % 2) + "\",\"indicatorCodes\":[" + codes + "]}";
				answers.add(pool.submit(() -> {
					start.await();
					byte[][] files = sent.get(n);
					return api.file("jiedao", meta, Api.Part.file("a" + n + ".jpg", files[0]),
							Api.Part.file("b" + n + ".jpg", files[1]), Api.Part.file("c" + n + ".jpg", files[2]));
				}));
			}
			start.countDown();
			List<Long> ids = new ArrayList<>();
			List<String> failures = new ArrayList<>();
			for (Future<Api.Response> answer : answers) {
				Api.Response response = answer.get(5, TimeUnit.MINUTES);
				if (response.status() == 201) {
					ids.add(response.id());
				} else {
					failures.add(response.status() + " " + response.text());
				}
			}
			assertThat(failures).isEmpty();

			for (int i = 0; i < WORKERS; i++) {
				long id = ids.get(i);
				for (int f = 0; f < 3; f++) {
					Api.Response bytes = api.get("admin", "/api/v1/materials/" + id + "/files/" + f);
					assertThat(bytes.status()).isEqualTo(200);
					assertThat(bytes.body()).isEqualTo(sent.get(i)[f]);
				}
			}
		} finally {
			pool.shutdownNow();
		}

		JsonNode search = api.get("admin", "/api/v1/materials?orgUnitId=" + community + "&size=200").json();
		assertThat(search.get("total").asInt()).isEqualTo(WORKERS);
		for (String code : List.of("Ⅲ-116", "Ⅲ-117")) {
			long counted = jdbc.sql("""
					select coalesce(sum(c.material_count), 0) from readiness_counter c join indicator i on i.id = c.indicator_id
					where c.org_unit_id = :unit and i.code = :code and c.kind = '图片'""")
					.param("unit", community)
					.param("code", code)
					.query(Long.class)
					.single();
			assertThat(counted).as("counted for %s", code).isEqualTo(WORKERS);
		}
		JsonNode readiness = api.get("admin", "/api/v1/readiness?orgUnitId=" + community).json();
		for (JsonNode indicator : readiness.get("indicators")) {
			if (indicator.get("code").asString().equals("Ⅲ-116")) {
				assertThat(indicator.get("presentKinds")).extracting(JsonNode::asString).contains("图片");
			}
		}
	}

	private static long newCommunity(Api api) {
		// the street office files (administrators write no business data), so the community is in its street
		long street = api.get("jiedao", "/api/v1/me").json().get("orgUnitId").asLong();
		Api.Response created = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + street + ",\"kind\":\"COMMUNITY\",\"name\":\"并发社区\"}");
		assertThat(created.status()).isEqualTo(201);
		return created.id();
	}
}
