package org.chuangwen.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** How busy the shared machine is, and what the app JVM uses: /proc readings. */
final class Machine {

	/** Before a timed run: wait (up to BENCH_WAIT_IDLE s) for the machine to be < 25 % busy; returns the busy % seen last. */
	static int waitIdle() throws Exception {
		long limit = Long.parseLong(System.getenv().getOrDefault("BENCH_WAIT_IDLE", "0"));
		long waited = 0;
		int busy = cpuBusy();
		while (busy > 25 && waited < limit) {
			Thread.sleep(3000);
			waited += 5;
			busy = cpuBusy();
		}
		return busy;
	}

	static int cpuBusy() throws Exception {
		long[] x = cpuTimes();
		Thread.sleep(2000);
		long[] y = cpuTimes();
		long total = 0;
		for (int i = 0; i < x.length; i++) {
			total += y[i] - x[i];
		}
		long idle = (y[3] - x[3]) + (y[4] - x[4]);
		return total > 0 ? (int) (100 * (total - idle) / total) : 0;
	}

	static long[] cpuTimes() throws IOException {
		String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		long[] v = new long[8];
		for (int i = 0; i < 8; i++) {
			v[i] = Long.parseLong(f[i + 1]);
		}
		return v;
	}

	/** Samples every 250 ms whether another Maven or surefire JVM is running (as run.sh's sampler does, but finer). */
	static final class Contention {

		final AtomicInteger samples = new AtomicInteger();
		final AtomicInteger hits = new AtomicInteger();
		final java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
		volatile boolean running = true;
		Thread thread;

		static Contention start() {
			Contention c = new Contention();
			c.thread = new Thread(() -> {
				while (c.running) {
					List<String> found = others();
					c.samples.incrementAndGet();
					if (!found.isEmpty()) {
						c.hits.incrementAndGet();
						c.seen.addAll(found);
					}
					try {
						Thread.sleep(250);
					} catch (InterruptedException e) {
						return;
					}
				}
			});
			c.thread.setDaemon(true);
			c.thread.start();
			return c;
		}

		String stop() throws InterruptedException {
			running = false;
			thread.join();
			return hits.get() == 0 ? "no" : "yes, " + hits.get() + " of " + samples.get() + " samples (" + String.join(", ", seen) + ")";
		}

		static List<String> others() {
			List<String> found = new ArrayList<>();
			try (var s = Files.list(Path.of("/proc"))) {
				for (Path p : s.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
					try {
						String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
						if (cmd.contains("surefire")) {
							found.add("surefire");
						} else if (cmd.contains("plexus-classworlds")) {
							found.add("maven");
						}
					} catch (IOException gone) {
						// the process ended meanwhile
					}
				}
			} catch (IOException e) {
				return found;
			}
			return found;
		}
	}

	static long procKb(long pid, String key) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith(key + ":")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		} catch (IOException | RuntimeException gone) {
			// the process is gone
		}
		return -1;
	}

	static boolean logContains(Path log, long from, String needle) throws IOException {
		try (FileChannel ch = FileChannel.open(log)) {
			long size = ch.size();
			if (size <= from) {
				return false;
			}
			ByteBuffer b = ByteBuffer.allocate((int) Math.min(size - from, 64 << 20));
			ch.read(b, from);
			return new String(b.array(), 0, b.position(), StandardCharsets.ISO_8859_1).contains(needle);
		}
	}
}
