package org.chuangwen.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.chuangwen.Chuangwen;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Survey results at scale (issue 9): the platform in this JVM on a fresh database (H2 file, or an embedded PostgreSQL
 * with the argument {@code postgres}), a survey of 20 single-choice questions built through the API, then 10,000
 * responses (200,000 answer rows, about 80% aware) written straight into the survey's tables in batches — the
 * collection path is limited per address and per interviewer, and its cost is not what is measured here. Then, each
 * {@code runs} times: {@code GET /api/v1/surveys/{id}/results} over HTTP (what a user waits for: the grouped count,
 * 20 Wilson intervals, grades, the planner and the roster count), against the baseline of reading the same 200,000
 * answer rows with plain JDBC. Prints the medians and the ratio.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.chuangwen.bench.SurveyResultsBench [h2|postgres] [responses] [runs]
 * </pre>
 */
public final class SurveyResultsBench {

	private static final int QUESTIONS = 20;
	/** The demo password (bench/run.sh's BENCH_PASSWORD default). */
	private static final String PASSWORD = System.getenv().getOrDefault("BENCH_PASSWORD", "chuangwen@2026");
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private SurveyResultsBench() {}

	public static void main(String[] args) throws Exception {
		String database = args.length > 0 ? args[0] : "h2";
		int responses = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		Path work = Files.createDirectories(Path.of("target", "bench-surveys", database + "-" + System.nanoTime()));
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
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			DataSource data = app.getBean(DataSource.class);
			StringBuilder questions = new StringBuilder("[");
			for (int q = 1; q <= QUESTIONS; q++) {
				questions.append(q == 1 ? "" : ",").append("{\"text\":\"第").append(q).append("题\",\"type\":\"single\",\"options\":[\"知道\",\"不知道\"],\"aware\":[\"知道\"]}");
			}
			String base = "http://localhost:" + port;
			long street = -1;
			for (JsonNode u : JSON.readTree(send(base, "admin", "/api/v1/org-units", null))) {
				if (u.get("name").asString().equals("幸福街道")) {
					street = u.get("id").asLong();
				}
			}
			long unit = JSON.readTree(send(base, "admin", "/api/v1/org-units", "{\"parentId\":" + street + ",\"kind\":\"COMMUNITY\",\"name\":\"问卷基准社区\"}"))
					.get("id").asLong();
			long survey = JSON.readTree(send(base, "jiedao", "/api/v1/surveys", "{\"orgUnitId\":" + unit + ",\"title\":\"基准问卷\",\"targetKey\":"
					+ "\"family-virtue-awareness\",\"questions\":" + questions.append(']') + "}")).get("id").asLong();
			long t0 = System.nanoTime();
			seed(data, survey, responses);
			System.out.printf("%s: seeded %,d responses × %d questions (%,d answer rows) in %.1f s%n", database, responses, QUESTIONS,
					(long) responses * QUESTIONS, (System.nanoTime() - t0) / 1e9);

			HttpRequest results = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/surveys/" + survey + "/results"))
					.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("jiedao:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
					.GET().build();
			JsonNode answer = null;
			double[] apiMs = new double[runs];
			double[] readMs = new double[runs];
			long rows = 0;
			for (int i = -3; i < runs; i++) { // three warm-up rounds of each
				long a = System.nanoTime();
				HttpResponse<String> response = HTTP.send(results, HttpResponse.BodyHandlers.ofString());
				long b = System.nanoTime();
				rows = readAll(data, survey);
				long c = System.nanoTime();
				if (response.statusCode() != 200) {
					throw new IllegalStateException(response.body());
				}
				answer = JSON.readTree(response.body());
				if (i >= 0) {
					apiMs[i] = (b - a) / 1e6;
					readMs[i] = (c - b) / 1e6;
				}
			}
			double apiMedian = median(apiMs);
			double read = median(readMs);
			System.out.printf("%s: results over HTTP, median of %d: %.1f ms (min %.1f, max %.1f)%n", database, runs, apiMedian, Arrays.stream(apiMs).min().orElse(0),
					Arrays.stream(apiMs).max().orElse(0));
			System.out.printf("%s: baseline, reading the same %,d answer rows with plain JDBC, median: %.1f ms%n", database, rows, read);
			System.out.printf("%s: results / baseline = %.2f%n", database, apiMedian / read);
			System.out.printf("%s: overall %s of %s aware, rate %s [%s, %s], question 1: n=%s rate %s grade %s%n", database,
					answer.get("overall").get("aware"), answer.get("overall").get("n"), answer.get("overall").get("rate"), answer.get("overall").get("ciLow"),
					answer.get("overall").get("ciHigh"), answer.get("questions").get(0).get("n"), answer.get("questions").get(0).get("rate"),
					answer.get("questions").get(0).get("grade"));
		} finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	/** A GET (json null) or a JSON POST as {@code user}; the body of a 2xx answer. */
	private static String send(String base, String user, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
		if (json != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	/** The rows the API would have written, in batches of 1,000 responses per transaction. */
	private static void seed(DataSource data, long survey, int responses) throws Exception {
		Random random = new Random(9);
		try (Connection c = data.getConnection()) {
			c.setAutoCommit(false);
			long[] questions = new long[QUESTIONS];
			try (PreparedStatement q = c.prepareStatement("select id from survey_question where survey_id = ? order by seq")) {
				q.setLong(1, survey);
				try (ResultSet rs = q.executeQuery()) {
					for (int i = 0; rs.next(); i++) {
						questions[i] = rs.getLong(1);
					}
				}
			}
			try (PreparedStatement response = c.prepareStatement("insert into survey_response (survey_id, phone_hash, phone_enc, phone_masked, answered_at)"
					+ " values (?, ?, ?, ?, ?)", new String[] {"id"});
					PreparedStatement answer = c.prepareStatement("insert into survey_answer (survey_id, response_id, question_id, choices, aware) values (?, ?, ?, ?, ?)")) {
				Timestamp now = Timestamp.from(Instant.now());
				for (int r = 0; r < responses; r++) {
					response.setLong(1, survey);
					response.setString(2, String.format("%064x", r));
					response.setString(3, "bench");
					response.setString(4, "138****" + String.format("%04d", r % 10_000));
					response.setTimestamp(5, now);
					response.executeUpdate();
					long id;
					try (ResultSet key = response.getGeneratedKeys()) {
						key.next();
						id = key.getLong(1);
					}
					for (long question : questions) {
						boolean aware = random.nextDouble() < 0.8;
						answer.setLong(1, survey);
						answer.setLong(2, id);
						answer.setLong(3, question);
						answer.setString(4, aware ? "1" : "2");
						answer.setBoolean(5, aware);
						answer.addBatch();
					}
					if (r % 1000 == 999) {
						answer.executeBatch();
						c.commit();
					}
				}
				answer.executeBatch();
				c.commit();
			}
		}
	}

	/** The baseline: every answer row of the survey read into memory, no grouping. */
	private static long readAll(DataSource data, long survey) throws Exception {
		long rows = 0;
		long aware = 0;
		try (Connection c = data.getConnection();
				PreparedStatement s = c.prepareStatement("select question_id, choices, answer_text, aware from survey_answer where survey_id = ?")) {
			s.setLong(1, survey);
			s.setFetchSize(5_000);
			c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					rows++;
					aware += rs.getBoolean(4) ? 1 : 0;
					rs.getLong(1);
					rs.getString(2);
					rs.getString(3);
				}
			}
			c.commit();
		}
		return aware >= 0 ? rows : -1;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}
}
