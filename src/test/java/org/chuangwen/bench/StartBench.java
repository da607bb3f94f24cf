package org.chuangwen.bench;

import static org.chuangwen.bench.Report.*;
import static org.chuangwen.bench.Results.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measurement 1: the app from {@code java -jar} until {@code /actuator/health} is UP, with milestones from its log.
 * run.sh starts every app JVM through this class, so each start is recorded under its label.
 */
final class StartBench {

	public static void main(String[] args) throws Exception {
		if (args.length != 6) {
			System.err.println("usage: StartBench JAR WORKDIR PORT PIDFILE LOGFILE LABEL");
			System.exit(2);
		}
		start(args);
	}

	/** Launches the app, records the time until UP and the milestones of its log under LABEL. */
	static void start(String[] a) throws Exception {
		Path log = Path.of(a[4]);
		String label = a[5];
		AppProcess.Started app = AppProcess.launch(Path.of(a[0]).toAbsolutePath(), Path.of(a[1]).toAbsolutePath(), Integer.parseInt(a[2]),
				Path.of(a[3]), log);
		Instant launched = app.launched();
		kv(label + ".existing_data", app.existingData());
		kv(label + ".pid", app.pid());
		kv(label + ".up_ms", ms(app.upNanos()));
		kv(label + ".first_http_ms", ms(app.firstHttpNanos()));
		kv(label + ".first_http_status", app.firstStatus());
		// Milestones from the app's own log (timestamps relative to the launch)
		Map<String, String> marks = new LinkedHashMap<>();
		marks.put("spring_starting", "Starting Chuangwen");
		marks.put("context_init", "Root WebApplicationContext: initialization completed");
		marks.put("flyway_done", "o.f.core.internal.command.DbMigrate");
		marks.put("tomcat_started", "Tomcat started on port");
		marks.put("started", "Started Chuangwen in");
		marks.put("demo_data", "Demo data created");
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		int from = 0;
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).contains("Starting Chuangwen")) {
				from = i;
				break;
			}
		}
		for (Map.Entry<String, String> mark : marks.entrySet()) {
			Instant at = null;
			for (int i = from; i < lines.size(); i++) {
				String line = lines.get(i);
				if (line.contains(mark.getValue()) && timestamp(line) != null) {
					at = timestamp(line);
					if (!mark.getKey().equals("flyway_done")) {
						break; // the first line for every mark but Flyway's, whose last line ends the migration
					}
				}
			}
			if (at != null) {
				kv(label + ".log." + mark.getKey() + "_ms", Duration.between(launched, at).toMillis());
			}
		}
		for (int i = from; i < lines.size(); i++) {
			Matcher m = Pattern.compile("Started Chuangwen in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)").matcher(lines.get(i));
			if (m.find()) {
				kv(label + ".spring_reported_s", m.group(1));
				kv(label + ".process_reported_s", m.group(2));
			}
		}
	}

	static Instant timestamp(String line) {
		int sp = line.indexOf(' ');
		if (sp <= 0) {
			return null;
		}
		try {
			return OffsetDateTime.parse(line.substring(0, sp)).toInstant();
		} catch (RuntimeException e) {
			return null;
		}
	}

	/** This scenario's section of the report. */
	static void report(Report r) {
		r.line("## 1. Start until `/actuator/health` is UP");
		r.line("");
		r.line("Wall time from launching `java -jar` (the helper starts the process and polls the health endpoint every 20 ms)"
				+ " until it answers 200 `{\"status\":\"UP\"}`. Milestones are taken from the app's own log, relative to the launch.");
		r.line("");
		r.line("| run | data dir | UP | Spring `Starting` | context init | Flyway | Tomcat started | `Started` (Spring's own) | demo data done | first HTTP answer |");
		r.line("|---|---|---|---|---|---|---|---|---|---|");
		List<Double> ups = new ArrayList<>();
		for (String run : List.of("cold1", "cold2", "cold3", "cold4", "cold5", "warm")) {
			if (!r.has(run + ".up_ms")) {
				continue;
			}
			if (run.startsWith("cold")) {
				ups.add(r.d(run + ".up_ms"));
			}
			r.line("| " + run + " | " + (r.g(run + ".existing_data").equals("true") ? "existing" : "fresh, empty") + " | **" + s(r.d(run + ".up_ms")) + "** | "
					+ s(r.d(run + ".log.spring_starting_ms")) + " | " + s(r.d(run + ".log.context_init_ms")) + " | " + s(r.d(run + ".log.flyway_done_ms"))
					+ " | " + s(r.d(run + ".log.tomcat_started_ms")) + " | " + s(r.d(run + ".log.started_ms")) + " (" + r.g(run + ".spring_reported_s")
					+ " s) | " + (r.has(run + ".log.demo_data_ms") ? s(r.d(run + ".log.demo_data_ms")) : "–") + " | " + s(r.d(run + ".first_http_ms"))
					+ " (" + r.g(run + ".first_http_status") + ") |");
		}
		ups.sort(Double::compare);
		if (!ups.isEmpty()) {
			r.line("");
			r.line("**Cold start (fresh data dir), median of " + ups.size() + ": " + s(ups.get((ups.size() - 1) / 2)) + "**"
					+ (r.has("warm.up_ms") ? "; second start with the existing data dir: **" + s(r.d("warm.up_ms")) + "**." : "."));
			r.line("");
			r.line("Peak RSS (VmHWM) of the cold-start JVMs: " + r.values().entrySet().stream().filter(e -> e.getKey().matches("cold\\d\\.vmhwm"))
					.map(Map.Entry::getValue).collect(Collectors.joining(", ")) + ".");
		}
		r.line("");
	}
}
