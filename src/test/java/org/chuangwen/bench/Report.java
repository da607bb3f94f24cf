package org.chuangwen.bench;

import static org.chuangwen.bench.Results.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the key=value results of one run into {@code bench/results/latest.md}: the header, then one section per
 * scenario (each scenario class writes its own with {@code report(Report)}), then memory and storage.
 */
final class Report {

	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: Report KVFILE OUT.md");
			System.exit(2);
		}
		write(Path.of(args[0]), Path.of(args[1]));
	}

	static void write(Path kvFile, Path out) throws IOException {
		Map<String, String> v = new LinkedHashMap<>();
		for (String line : Files.readAllLines(kvFile, StandardCharsets.UTF_8)) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				v.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, new Report(v).markdown(), StandardCharsets.UTF_8);
	}

	private final Map<String, String> v;
	private final StringBuilder md = new StringBuilder();

	Report(Map<String, String> v) {
		this.v = v;
	}

	String g(String key) {
		return v.getOrDefault(key, "–");
	}

	double d(String key) {
		try {
			return Double.parseDouble(v.get(key));
		} catch (RuntimeException e) {
			return Double.NaN;
		}
	}

	Map<String, String> values() {
		return v;
	}

	boolean has(String key) {
		return v.containsKey(key);
	}

	static String s(double ms) {
		return Double.isNaN(ms) ? "–" : String.format(Locale.ROOT, "%.1f s", ms / 1000);
	}

	static String f(double x) {
		return Double.isNaN(x) ? "–" : fmt(x);
	}

	void line(String s) {
		md.append(s).append('\n');
	}

	String markdown() {
		line("# 创文 benchmark results");
		line("");
		line("- Date: " + g("meta.date"));
		line("- Machine: " + g("meta.cpus") + " cores (" + g("meta.cpu_model") + "), " + g("meta.mem") + " RAM, " + g("meta.kernel"));
		line("- Java: " + g("meta.java"));
		line("- App: `" + g("meta.jar") + "` (" + g("meta.jar_size") + "), git " + g("meta.git"));
		line("- App JVM flags: " + (g("meta.java_opts").isBlank() || g("meta.java_opts").equals("–") ? "none (default heap)" : "`" + g("meta.java_opts") + "`")
				+ "; effective: `" + g("meta.vm_flags") + "`");
		line("- Other load on the machine, per phase: " + g("meta.busy"));
		line("- Settings: " + g("meta.settings"));
		line("");

		// one section per scenario, in the order of the README; a new scenario adds its line here
		if (has("cold1.up_ms")) {
			StartBench.report(this);
		}
		if (has("upload.seq.total_ms")) {
			UploadBench.report(this);
		}
		if (has("seed.ms") || has("readiness.api.p50_ms")) {
			ReadinessBench.report(this);
		}
		if (has("export.photo_unit")) {
			ExportBench.report(this);
		}
		if (has("activity.runs") || has("flow.activity")) {
			ActivityBench.report(this);
		}

		if (has("main.vmhwm")) {
			line("## Memory and storage");
			line("");
			line("- Peak RSS (VmHWM) of the JVM that served uploads, seeding and readiness: **" + g("main.vmhwm") + "** (VmRSS at the end " + g("main.vmrss") + ").");
			if (has("main.data_files")) {
				line("- Its data dir at the end: files " + g("main.data_files") + ", H2 database " + g("main.data_db") + ".");
			}
			line("");
		}
		line("Raw values: `bench/results/latest.kv` (from the same run).");
		return md.toString();
	}

	static String mb(double bytes) {
		return Double.isNaN(bytes) ? "–" : String.format(Locale.ROOT, "%.1f MB", bytes / MB);
	}

	static String shortOthers(String v) {
		return v.startsWith("yes") ? v.replaceAll("^yes, (\\d+) of (\\d+) samples.*", "yes ($1/$2)") : v;
	}

	void row(String what, String auth, String key, String size) {
		line("| " + what + " | " + auth + " | **" + f(d(key + ".p50_ms")) + " ms** | " + f(d(key + ".p95_ms")) + " ms | " + f(d(key + ".p99_ms")) + " ms | "
				+ f(d(key + ".max_ms")) + " ms | " + f(d(key + ".mean_ms")) + " ms | " + f(d(key + ".seq_rps")) + " | " + size + " |");
	}
}
