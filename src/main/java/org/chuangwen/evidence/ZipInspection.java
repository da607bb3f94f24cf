package org.chuangwen.evidence;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.chuangwen.platform.Text;

/**
 * Reads an Office file (a ZIP container) once, entry by entry, inflating everything and counting what really comes
 * out: a size declared in a header is checked too but never trusted. Stops at the first limit it crosses, so a file
 * that would expand to 40 GB is refused after a few megabytes. Keeps what the archive needs from the container:
 * the names of its entries and the document properties ({@code docProps/app.xml}).
 */
final class ZipInspection {

	static final String APP_PROPERTIES = "docProps/app.xml";
	/** Bytes an entry may expand to before its compression ratio is judged: small files compress unevenly. */
	private static final long RATIO_GRACE = 1 << 20;
	private static final int KEPT_LIMIT = 1 << 20;

	/** What the inspection found: the number of entries, their names and the bytes of docProps/app.xml (null when absent). */
	record Contents(int entries, Set<String> names, byte[] appProperties) {}

	private ZipInspection() {}

	/**
	 * @throws FileRefused when a limit is crossed
	 * @throws IOException when the container is broken (not a ZIP we can read)
	 */
	static Contents inspect(InputStream raw, EvidenceProperties.Inspection limits, long deadline) throws IOException, FileRefused {
		long maxEntry = limits.maxEntrySize().toBytes();
		long maxTotal = limits.maxExpandedSize().toBytes();
		Counting counted = new Counting(raw);
		Set<String> names = new HashSet<>();
		byte[] appProperties = null;
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int entries = 0;
		try (ZipInputStream zip = new ZipInputStream(counted)) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
				String name = entry.getName();
				if (++entries > limits.maxEntries()) {
					throw new FileRefused("error.upload.zip.entries", limits.maxEntries());
				}
				names.add(name);
				if (entry.getSize() > maxEntry) {
					throw new FileRefused("error.upload.zip.entry-size", shown(name), limits.maxEntrySize().toMegabytes());
				}
				ByteArrayOutputStream kept = APP_PROPERTIES.equals(name) ? new ByteArrayOutputStream() : null;
				long start = counted.count;
				long size = 0;
				for (int n; (n = zip.read(buffer)) > 0; ) {
					size += n;
					total += n;
					if (kept != null && kept.size() < KEPT_LIMIT) {
						kept.write(buffer, 0, Math.min(n, KEPT_LIMIT - kept.size()));
					}
					if (size > maxEntry) {
						throw new FileRefused("error.upload.zip.entry-size", shown(name), limits.maxEntrySize().toMegabytes());
					}
					if (total > maxTotal) {
						throw new FileRefused("error.upload.zip.total-size", limits.maxExpandedSize().toMegabytes());
					}
					if (size > RATIO_GRACE && size > (counted.count - start) * limits.maxCompressionRatio()) {
						throw new FileRefused("error.upload.zip.ratio", shown(name), limits.maxCompressionRatio());
					}
					if (System.nanoTime() - deadline > 0) {
						throw new FileRefused("error.upload.too-slow", limits.timeBudget().toSeconds());
					}
				}
				if (kept != null) {
					appProperties = kept.toByteArray();
				}
			}
		} catch (IllegalArgumentException malformedName) {
			throw new IOException(malformedName);
		}
		return new Contents(entries, names, appProperties);
	}

	/** An entry name from the file, fit to quote in a message. */
	private static String shown(String name) {
		String printable = Text.printable(name).replaceAll("\\p{Cntrl}", "");
		return printable.length() > 80 ? "…" + printable.substring(printable.length() - 80) : printable;
	}

	/** Counts the compressed bytes the ZIP reader has taken so far. */
	private static final class Counting extends FilterInputStream {

		long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count += skipped;
			return skipped;
		}
	}
}
