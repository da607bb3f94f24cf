package org.chuangwen.bench;

import static org.chuangwen.bench.Results.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the app JVM's heap did during an export: peaks from {@code jstat -gc} samples and from a {@code -Xlog:gc} file. */
final class JvmHeap {

	private JvmHeap() {}

	static void heapFromJstat(String label, Path file) throws IOException {
		String[] head = null;
		double peakUsed = 0;
		double capacityAtPeak = 0;
		double peakOld = 0;
		double[] firstGc = null;
		double[] lastGc = null;
		int samples = 0;
		for (String line : Files.readAllLines(file)) {
			String[] f = line.trim().split("\\s+");
			if (f.length > 0 && f[0].equals("S0C")) {
				head = f;
				continue;
			}
			if (head == null || f.length != head.length) {
				continue;
			}
			Map<String, Double> m = new LinkedHashMap<>();
			for (int i = 0; i < f.length; i++) {
				try {
					m.put(head[i], Double.parseDouble(f[i]));
				} catch (NumberFormatException dash) {
					m.put(head[i], 0.0);
				}
			}
			samples++;
			double used = m.get("S0U") + m.get("S1U") + m.get("EU") + m.get("OU");
			if (used > peakUsed) {
				peakUsed = used;
				capacityAtPeak = m.get("S0C") + m.get("S1C") + m.get("EC") + m.get("OC");
			}
			peakOld = Math.max(peakOld, m.get("OU"));
			double[] gc = {m.getOrDefault("YGC", 0.0), m.getOrDefault("FGC", 0.0), m.getOrDefault("CGC", 0.0)};
			if (firstGc == null) {
				firstGc = gc;
			}
			lastGc = gc;
		}
		kv(label + ".heap_samples", samples);
		if (samples > 0) {
			kv(label + ".heap_peak_used_mb", peakUsed / 1024);
			kv(label + ".heap_committed_at_peak_mb", capacityAtPeak / 1024);
			kv(label + ".heap_peak_old_mb", peakOld / 1024);
			kv(label + ".gcs_during", String.format(Locale.ROOT, "%.0f young, %.0f full, %.0f concurrent cycles", lastGc[0] - firstGc[0],
					lastGc[1] - firstGc[1], lastGc[2] - firstGc[2]));
		}
	}

	/** The max heap used after a collection, from a -Xlog:gc file ("… 123M->45M(256M) …"), and the number of pauses. */
	static void gcLog(String[] a) throws IOException {
		Path file = Path.of(a[0]);
		String label = a[1];
		Pattern p = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
		long maxBefore = 0;
		long maxAfter = 0;
		long maxCommitted = 0;
		int pauses = 0;
		if (!Files.exists(file)) {
			return;
		}
		for (String line : Files.readAllLines(file)) {
			Matcher m = p.matcher(line);
			if (m.find()) {
				pauses++;
				maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
				maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
				maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(3)));
			}
		}
		kv(label + ".gclog_pauses", pauses);
		kv(label + ".gclog_max_before_mb", maxBefore);
		kv(label + ".gclog_max_after_mb", maxAfter);
		kv(label + ".gclog_max_committed_mb", maxCommitted);
	}
}
