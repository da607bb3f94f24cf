package org.chuangwen.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
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
import tools.jackson.databind.JsonNode;

/**
 * Register import at scale (issue 8), next to the residents import of the same size: generates N rows for the shipped
 * 流动党员登记 ({@code mobile-party-members}: 姓名, 性别, 身份证号 and 联系电话 encrypted, 流向, 地点, 党组织, 日期) and a
 * roster of N residents, starts the platform as its own process with {@code -Xmx256m} on a fresh embedded PostgreSQL,
 * imports both through the API (the roster first, then the register, then the register again) and prints time and peak
 * heap (the highest "used before GC" of the GC log during each import) and their ratios. Not part of the test suite.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.chuangwen.bench.RegisterImportBench 100000
 * </pre>
 */
public final class RegisterImportBench {

	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
	private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
	private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华".split("");

	private RegisterImportBench() {}

	public static void main(String[] args) throws Exception {
		int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path work = Files.createDirectories(Path.of("target", "bench-register", String.valueOf(rows)));
		Path register = work.resolve("register.xlsx");
		Path roster = work.resolve("roster.xlsx");
		if (!Files.exists(register)) {
			write(register, List.of("姓名", "性别", "身份证号", "联系电话", "流向", "外出(来自)地点", "组织关系所在党组织", "流动日期"), rows,
					RegisterImportBench::registerRow);
		}
		if (!Files.exists(roster)) {
			write(roster, List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体"), rows,
					RegisterImportBench::rosterRow);
		}
		System.out.printf("sheets: register %,d bytes, roster %,d bytes, %,d rows each%n", Files.size(register), Files.size(roster), rows);

		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create database bench");
			}
			int port;
			try (ServerSocket socket = new ServerSocket(0)) {
				port = socket.getLocalPort();
			}
			Path data = Files.createDirectories(work.resolve("data"));
			Path gcLog = work.resolve("gc.log");
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
					"-Xlog:gc:file=" + gcLog.toAbsolutePath(), "-cp", absolute(System.getProperty("java.class.path")), "org.chuangwen.Chuangwen",
					"--server.port=" + port, "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "bench"),
					"--spring.datasource.username=postgres", "--chuangwen.storage.root=" + data.resolve("files").toAbsolutePath(),
					"--chuangwen.personal-data.key-file=" + data.resolve("keys/personal-data.key").toAbsolutePath(),
					"--chuangwen.archive.export-dir=" + data.resolve("exports").toAbsolutePath(), "--logging.level.root=WARN"));
			Process app = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true)
					.redirectOutput(work.resolve("app.log").toFile()).start();
			try {
				Api api = new Api(port);
				waitForStart(port, app);
				long community = api.newCommunity("基准社区");
				api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + community + ",\"kind\":\"BUILDING\",\"name\":\"1号楼\"}");
				double[] residents = run(api, gcLog, "/api/v1/residents/import?orgUnitId=" + community, roster, rows, "residents import");
				double[] first = run(api, gcLog, "/api/v1/registers/mobile-party-members/import?orgUnitId=" + community, register, rows,
						"register import");
				run(api, gcLog, "/api/v1/registers/mobile-party-members/import?orgUnitId=" + community, register, rows, "register, same file again");
				System.out.printf("register / residents: time %.2f, peak heap %.2f%n", first[0] / residents[0], first[1] / residents[1]);
			} finally {
				app.destroy();
				app.waitFor();
			}
		}
	}

	/** @return seconds and peak heap in MB */
	private static double[] run(Api api, Path gcLog, String path, Path file, int rows, String what) throws IOException {
		int gcLinesBefore = Files.readAllLines(gcLog).size();
		long t = System.nanoTime();
		Api.Response result = api.postMultipart("jiedao", path, List.of(Api.Part.file(file.getFileName().toString(), Files.readAllBytes(file))));
		double seconds = (System.nanoTime() - t) / 1e9;
		JsonNode json = result.json();
		long peak = gcPeakSince(gcLog, gcLinesBefore);
		System.out.printf("%s: HTTP %d, imported %d, updated %d, unchanged %d, rejected %d in %.1f s (%,.0f rows/s), peak heap %d MB of 256%n", what,
				result.status(), json.path("imported").asInt(), json.path("updated").asInt(), json.path("unchanged").asInt(), json.path("rejected").asInt(),
				seconds, rows / seconds, peak);
		return new double[] {seconds, peak};
	}

	private static String name(int i) {
		return SURNAMES[i % SURNAMES.length] + GIVEN[(i / 7) % GIVEN.length] + GIVEN[(i / 13) % GIVEN.length];
	}

	private static String id(int i) {
		String birth = "%04d%02d%02d".formatted(1940 + (i / 1000) % 70, 1 + (i / 70_000) % 12, 1 + (i / 1000) / 70 % 28);
		String first17 = "%06d".formatted(110101 + (i / 1_000_000)) + birth + "%03d".formatted(i % 1000);
		int sum = 0;
		for (int k = 0; k < 17; k++) {
			sum += (first17.charAt(k) - '0') * WEIGHTS[k];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private static List<String> registerRow(int i) {
		return List.of(name(i), i % 1000 % 2 == 1 ? "男" : "女", id(i), "1%010d".formatted(3_000_000_000L + i), i % 3 == 0 ? "流入" : "流出",
				"北京市海淀区" + (i % 40) + "号", "幸福街道第" + (1 + i % 9) + "党支部", "2026-%02d-%02d".formatted(1 + i % 12, 1 + i % 28));
	}

	private static List<String> rosterRow(int i) {
		return List.of(name(i), i % 1000 % 2 == 1 ? "男" : "女", id(i), "1%010d".formatted(3_000_000_000L + i), "1号楼", (1 + i % 4) + "单元",
				String.valueOf(101 + i % 600), i % 3 == 0 ? "户主" : "子女", "户籍人口", "");
	}

	private static void write(Path file, List<String> header, int rows, java.util.function.IntFunction<List<String>> row) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = book.createSheet("表");
			Row first = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				first.createCell(c).setCellValue(header.get(c));
			}
			for (int i = 0; i < rows; i++) {
				Row r = sheet.createRow(i + 1);
				List<String> cells = row.apply(i);
				for (int c = 0; c < cells.size(); c++) {
					r.createCell(c).setCellValue(cells.get(c));
				}
			}
			book.write(out);
			book.dispose();
		}
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
				if (r.statusCode() == 200 && new Api(port).get("jiedao", "/api/v1/org-units").status() == 200) {
					return;
				}
			} catch (IOException notYet) {
				// not listening yet
			}
			app.waitFor(500, java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		throw new IllegalStateException("the app did not start within 5 minutes");
	}

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

	/** Absolute class path entries without the test classes (their environment post-processor would switch to H2). */
	private static String absolute(String classPath) {
		return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator)).filter(e -> !e.endsWith("test-classes"))
				.map(e -> Path.of(e).toAbsolutePath().toString())
				.collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
	}
}
