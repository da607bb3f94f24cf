import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exports box Ⅲ-116 of shequ1's community (as jiedao) and prints the wall time and the server's CPU time:
 *
 * <pre>
 *   java bench/trust/ExportCpu.java &lt;port&gt; &lt;server pid&gt; [password]
 * </pre>
 *
 * Run it twice (the first run warms the JIT) on a data directory where HostileFiles.java stored the 30000 × 30000 PNG
 * with a build without the limits, then again after restarting that directory with a build with them.
 */
public class ExportCpu {

	public static void main(String[] args) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = "http://localhost:" + args[0];
		String password = args.length > 2 ? args[2] : "chuangwen";
		String worker = "Basic " + Base64.getEncoder().encodeToString(("shequ1:" + password).getBytes());
		String street = "Basic " + Base64.getEncoder().encodeToString(("jiedao:" + password).getBytes());
		String me = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Authorization", worker).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher unit = Pattern.compile("\"orgUnitId\"\\s*:\\s*(\\d+)").matcher(me);
		if (!unit.find()) {
			throw new IllegalStateException("no orgUnitId in " + me);
		}
		long cpu = cpu(args[1]);
		long start = System.nanoTime();
		String job = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/exports")).header("Authorization", street)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"orgUnitId\":" + unit.group(1) + ",\"indicatorCodes\":[\"Ⅲ-116\"]}")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(job);
		if (!id.find()) {
			throw new IllegalStateException("no export id in " + job);
		}
		String state;
		do {
			Thread.sleep(200);
			state = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/exports/" + id.group(1))).header("Authorization", street).build(),
					HttpResponse.BodyHandlers.ofString()).body();
		} while (!state.contains("\"DONE\"") && !state.contains("\"FAILED\""));
		System.out.printf("export of box III-116: %s, %.2f s wall, %.2f s server CPU%n", state.contains("\"DONE\"") ? "DONE" : "FAILED",
				(System.nanoTime() - start) / 1e9, (cpu(args[1]) - cpu) / 100.0);
	}

	/** utime + stime of the server process, in clock ticks (1/100 s). */
	static long cpu(String pid) throws Exception {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}
}
