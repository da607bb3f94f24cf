package org.chuangwen.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.awt.Color;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.chuangwen.Api;
import org.chuangwen.Chuangwen;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Score roll-up for a street of 20 communities after one material upload (issue 9): the platform in this JVM on a fresh
 * database (H2 file, or an embedded PostgreSQL with the argument {@code postgres}), a new street with 20 communities and
 * a street-office account, each community with a few materials already filed. Then, {@code runs} times: the baseline
 * {@code GET /api/v1/readiness?orgUnitId=<street>} with nothing changed; and one upload ({@code POST /api/v1/materials},
 * a new kind into one community's Ⅲ-115 box) followed by readiness calls until the street's completeness and score show
 * it — the time from the upload's start to that answer is what a street official waits for. Prints the medians.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.chuangwen.bench.ScoreRollupBench [h2|postgres] [runs]
 * </pre>
 */
public final class ScoreRollupBench {

	private static final int COMMUNITIES = 20;
	private static final String PASSWORD = System.getenv().getOrDefault("BENCH_PASSWORD", "chuangwen@2026");
	private static final String OFFICE = "rollupbench";
	private static final String[] KINDS = {"组织机构", "制度", "经费保障"};
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private ScoreRollupBench() {}

	public static void main(String[] args) throws Exception {
		String database = args.length > 0 ? args[0] : "h2";
		int runs = Math.min(args.length > 1 ? Integer.parseInt(args[1]) : 20, COMMUNITIES * 2);
		Path work = Files.createDirectories(Path.of("target", "bench-scores", database + "-" + System.nanoTime()));
		EmbeddedPostgres postgres = database.equals("postgres") ? EmbeddedPostgres.builder().start() : null;
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
				"--chuangwen.storage.root=" + work.resolve("files").toAbsolutePath(),
				"--chuangwen.personal-data.key-file=" + work.resolve("keys/personal-data.key").toAbsolutePath(),
				"--chuangwen.archive.export-dir=" + work.resolve("exports").toAbsolutePath()));
		if (postgres != null) {
			try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create database bench");
			}
			arguments.add("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "bench"));
			arguments.add("--spring.datasource.username=postgres");
		} else {
			arguments.add("--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/chuangwen").toAbsolutePath()
					+ ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Chuangwen.class).run(arguments.toArray(String[]::new))) {
			String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			long district = -1;
			for (JsonNode u : JSON.readTree(send(base, "admin", "GET", "/api/v1/org-units", null, null))) {
				if (u.get("kind").asString().equals("DISTRICT")) {
					district = u.get("id").asLong();
				}
			}
			long street = create(base, district, "STREET", "计分基准街道");
			long[] communities = new long[COMMUNITIES];
			for (int i = 0; i < COMMUNITIES; i++) {
				communities[i] = create(base, street, "COMMUNITY", "基准社区" + (i + 1));
			}
			app.getBean(Accounts.class).create(OFFICE, PASSWORD, "计分基准街道办", street, Set.of(Role.STREET));
			long t0 = System.nanoTime();
			for (int i = 0; i < COMMUNITIES; i++) {
				upload(base, communities[i], "图片", "Ⅲ-116", i);
				upload(base, communities[i], "方案", "Ⅲ-29", i);
			}
			System.out.printf("%s: street of %d communities, %d materials filed in %.1f s%n", database, COMMUNITIES, COMMUNITIES * 2,
					(System.nanoTime() - t0) / 1e9);

			String readiness = "/api/v1/readiness?orgUnitId=" + street;
			double[] baselineMs = new double[runs];
			double[] uploadMs = new double[runs];
			double[] reflectedMs = new double[runs];
			int reads = 0;
			JsonNode last = JSON.readTree(send(base, OFFICE, "GET", readiness, null, null));
			for (int i = -3; i < runs; i++) { // three warm-up rounds
				long a = System.nanoTime();
				JsonNode unchanged = JSON.readTree(send(base, OFFICE, "GET", readiness, null, null));
				long b = System.nanoTime();
				int n = i + 3;
				upload(base, communities[n % COMMUNITIES], KINDS[n / COMMUNITIES], "Ⅲ-115", 1000 + n);
				long c = System.nanoTime();
				JsonNode now;
				do {
					now = JSON.readTree(send(base, OFFICE, "GET", readiness, null, null));
					reads++;
				} while (now.get("completeness").asDouble() <= unchanged.get("completeness").asDouble());
				long d = System.nanoTime();
				if (i >= 0) {
					baselineMs[i] = (b - a) / 1e6;
					uploadMs[i] = (c - b) / 1e6;
					reflectedMs[i] = (d - b) / 1e6;
				}
				last = now;
			}
			System.out.printf("%s: baseline, street readiness with nothing changed, median of %d: %.1f ms (min %.1f, max %.1f)%n", database, runs,
					median(baselineMs), Arrays.stream(baselineMs).min().orElse(0), Arrays.stream(baselineMs).max().orElse(0));
			System.out.printf("%s: the upload alone, median: %.1f ms%n", database, median(uploadMs));
			System.out.printf("%s: upload start → the street's readiness shows it, median: %.1f ms (min %.1f, max %.1f); readiness calls needed: %d for %d uploads%n",
					database, median(reflectedMs), Arrays.stream(reflectedMs).min().orElse(0), Arrays.stream(reflectedMs).max().orElse(0), reads, runs + 3);
			System.out.printf("%s: (upload → shown) − upload = %.1f ms against the baseline %.1f ms%n", database, median(reflectedMs) - median(uploadMs),
					median(baselineMs));
			System.out.printf("%s: street at the end: completeness %.4f, score %s, grade %s%n", database, last.get("completeness").asDouble(), last.get("score"),
					last.get("grade").asString());
		} finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	private static long create(String base, long parent, String kind, String name) throws Exception {
		return JSON.readTree(send(base, "admin", "POST", "/api/v1/org-units", "application/json",
				("{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8))).get("id").asLong();
	}

	private static void upload(String base, long unit, String kind, String code, int n) throws Exception {
		String meta = "{\"orgUnitId\":" + unit + ",\"kind\":\"" + kind + "\",\"title\":\"基准" + kind + n + "\",\"dateFormed\":\"2010-05-01\",\"indicatorCodes\":[\""
				+ code + "\"]}";
		String boundary = "bench" + System.nanoTime();
		byte[] body = Api.multipart(boundary, List.of(Api.Part.json("meta", meta),
				Api.Part.file("p.jpg", DemoFiles.jpeg(32, 32, new Color(n * 7919 + (int) unit), null))));
		send(base, OFFICE, "POST", "/api/v1/materials", "multipart/form-data; boundary=" + boundary, body);
	}

	/** A request as {@code user}; the body of a 2xx answer. */
	private static String send(String base, String user, String method, String path, String type, byte[] body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted.length == 0 ? 0 : sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}
}
