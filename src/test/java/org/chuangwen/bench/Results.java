package org.chuangwen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** key=value results (appended to BENCH_KV and echoed) and the statistics every scenario uses. */
final class Results {

	static final Path KV = System.getenv("BENCH_KV") == null || System.getenv("BENCH_KV").isBlank() ? null : Path.of(System.getenv("BENCH_KV"));
	static final double MB = 1_000_000.0;

	static synchronized void kv(String key, Object value) {
		String v = value instanceof Double d ? fmt(d) : String.valueOf(value);
		System.out.println("  " + key + " = " + v);
		if (KV != null) {
			try {
				Files.writeString(KV, key + "=" + v.replace("\n", " ") + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	static double ms(long nanos) {
		return nanos / 1e6;
	}

	static String fmt(double v) {
		return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
	}

	static long median(long[] values) {
		return pct(values, 0.5);
	}

	/** Nearest-rank percentile. */
	static long pct(long[] values, double p) {
		if (values.length == 0) {
			return 0;
		}
		long[] s = values.clone();
		Arrays.sort(s);
		int rank = (int) Math.ceil(p * s.length);
		return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
	}

	static double medianOf(double[] v) {
		double[] s = v.clone();
		Arrays.sort(s);
		return s[(s.length - 1) / 2];
	}

	static String sha256(byte[] b) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
	}
}
