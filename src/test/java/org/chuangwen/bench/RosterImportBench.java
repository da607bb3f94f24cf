package org.chuangwen.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.chuangwen.Api;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;

/**
 * Roster import at scale (issue 7): generates a roster of N rows with valid 身份证号 check digits, starts the
 * platform as its own process with {@code -Xmx256m} on a fresh embedded PostgreSQL and a temp data dir, imports the
 * roster through the API, and prints the time and the peak heap (the highest "used before GC" of the GC log). Then
 * loads the same rows as CSV with PostgreSQL {@code COPY} into a table of the same shape and prints the ratio.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.chuangwen.bench.RosterImportBench 100000 [shared]
 * </pre>
 *
 * "shared" writes the roster with a shared-strings table, as Excel saves it (POI's reader keeps that table in
 * memory); the default writes inline strings, as streaming writers do.
 */
public final class RosterImportBench {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
	private static final int BUILDINGS = 50;
	private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
	private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华".split("");

	private RosterImportBench() {}

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		boolean shared = args.length > 1 && args[1].equals("shared");
		Path work = Files.createDirectories(Path.of("target", "bench-roster", rows + (shared ? "-shared" : "")));
		Path roster = work.resolve("roster.xlsx");
		long t0 = System.nanoTime();
		if (!Files.exists(roster)) {
			writeRoster(roster, rows, shared);
		}
		System.out.printf("roster: %,d rows, %,d bytes, %s strings, written in %.1f s%n", rows, Files.size(roster), shared ? "shared" : "inline",
				seconds(t0));

		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create database bench");
			}
			String url = postgres.getJdbcUrl("postgres", "bench");
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path data = Files.createDirectories(work.resolve("data"));
			Path gcLog = work.resolve("gc.log");
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
					"-Xlog:gc:file=" + gcLog.toAbsolutePath(), "-cp", absolute(System.getProperty("java.class.path")), "org.chuangwen.Chuangwen",
					"--server.port=" + port, "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
					"--chuangwen.storage.root=" + data.resolve("files").toAbsolutePath(),
					"--chuangwen.personal-data.key-file=" + data.resolve("keys/personal-data.key").toAbsolutePath(),
					"--chuangwen.archive.export-dir=" + data.resolve("exports").toAbsolutePath(), "--logging.level.root=WARN"));
			Process app = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true)
					.redirectOutput(work.resolve("app.log").toFile()).start();
			try {
				Api api = new Api(port);
				waitForStart(port, app);
				long community = community(api);
				gcPeakSince(gcLog, 0);
				int gcLinesBefore = Files.readAllLines(gcLog).size();
				long t1 = System.nanoTime();
				Api.Response result = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community,
						List.of(Api.Part.file("roster.xlsx", Files.readAllBytes(roster))));
				double importSeconds = seconds(t1);
				JsonNode json = result.json();
				System.out.printf("import: HTTP %d, imported %d, updated %d, unchanged %d, rejected %d in %.1f s (%,.0f rows/s)%n", result.status(),
						json.path("imported").asInt(), json.path("updated").asInt(), json.path("unchanged").asInt(), json.path("rejected").asInt(),
						importSeconds, rows / importSeconds);
				System.out.printf("peak heap during the import: %d MB used (of -Xmx256m), GC log %s%n", gcPeakSince(gcLog, gcLinesBefore), gcLog);

				long t2 = System.nanoTime();
				Api.Response again = api.postMultipart("jiedao", "/api/v1/residents/import?orgUnitId=" + community,
						List.of(Api.Part.file("roster.xlsx", Files.readAllBytes(roster))));
				System.out.printf("same file again: unchanged %d in %.1f s%n", again.json().path("unchanged").asInt(), seconds(t2));

				double copySeconds = copy(postgres, rows);
				System.out.printf("PostgreSQL COPY of the same %,d rows as CSV: %.2f s; import / COPY = %.1f%n", rows, copySeconds,
						importSeconds / copySeconds);
			} finally {
				app.destroy();
				app.waitFor();
			}
		}
	}

	/** The rows as the import stores them (ciphertext-sized columns), loaded by COPY from CSV text. */
	private static double copy(EmbeddedPostgres postgres, int rows) throws Exception {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("""
					create table copy_resident (name varchar(100), sex varchar(1), id_number varchar(200), phone varchar(200), building varchar(50),
					  unit_no varchar(50), room_no varchar(50), relation varchar(50), category varchar(50), care_groups varchar(400))""");
			StringBuilder csv = new StringBuilder(rows * 120);
			for (int i = 0; i < rows; i++) {
				csv.append(String.join(",", row(i))).append('\n');
			}
			long t = System.nanoTime();
			try (Reader in = new StringReader(csv.toString())) {
				c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy copy_resident from stdin with (format csv)", in);
			}
			return seconds(t);
		}
	}

	private static List<String> row(int i) {
		String name = SURNAMES[i % SURNAMES.length] + GIVEN[(i / 7) % GIVEN.length] + GIVEN[(i / 13) % GIVEN.length];
		int sequence = i % 1000;
		String birth = "%04d%02d%02d".formatted(1940 + (i / 1000) % 70, 1 + (i / 70_000) % 12, 1 + (i / 1000) / 70 % 28);
		String first17 = "%06d".formatted(110101 + (i / 1_000_000)) + birth + "%03d".formatted(sequence);
		String id = first17 + check(first17);
		String sex = sequence % 2 == 1 ? "男" : "女";
		return List.of(name, sex, id, "1%010d".formatted(3_000_000_000L + i), (1 + i % BUILDINGS) + "号楼", (1 + i % 4) + "单元",
				String.valueOf(101 + i % 600), i % 3 == 0 ? "户主" : "子女", "户籍人口", i % 10 == 0 ? "空巢老人" : "");
	}

	private static void writeRoster(Path file, int rows, boolean shared) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(null, 200, true, shared); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = book.createSheet("花名册");
			List<String> header = List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体");
			Row first = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				first.createCell(c).setCellValue(header.get(c));
			}
			for (int i = 0; i < rows; i++) {
				Row row = sheet.createRow(i + 1);
				List<String> cells = row(i);
				for (int c = 0; c < cells.size(); c++) {
					row.createCell(c).setCellValue(cells.get(c));
				}
			}
			book.write(out);
			book.dispose();
		}
	}

	private static long community(Api api) {
		long community = api.newCommunity("基准社区");
		for (int b = 1; b <= BUILDINGS; b++) {
			api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"" + b + "号楼\"}");
		}
		return community;
	}

	private static void waitForStart(int port, Process app) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException("the app stopped; see app.log");
			}
			try {
				HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					// demo data is written after start; the admin account is the last thing it needs
					if (new Api(port).get("jiedao", "/api/v1/org-units").status() == 200) {
						return;
					}
				}
			} catch (IOException notYet) {
				// not listening yet
			}
			app.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		throw new IllegalStateException("the app did not start within 5 minutes");
	}

	/** The highest heap use before a collection, in MB, in the GC log lines after {@code skip}. */
	private static long gcPeakSince(Path gcLog, int skip) throws IOException {
		long peak = 0;
		List<String> lines = Files.readAllLines(gcLog);
		for (String line : lines.subList(Math.min(skip, lines.size()), lines.size())) {
			Matcher m = GC.matcher(line);
			if (m.find()) {
				peak = Math.max(peak, Long.parseLong(m.group(1)));
			}
		}
		return peak;
	}

	private static char check(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return "10X98765432".charAt(sum % 11);
	}

	/**
	 * The class path with absolute entries (the app runs in its own data directory) and without the test classes,
	 * whose environment post-processor would switch the app to the tests' in-memory database.
	 */
	private static String absolute(String classPath) {
		return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator)).filter(e -> !e.endsWith("test-classes"))
				.map(e -> Path.of(e).toAbsolutePath().toString())
				.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}
}
