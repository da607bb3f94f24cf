package org.chuangwen.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.core.io.InputStreamSource;

/**
 * The central directory of an Office file: what Word, WPS and LibreOffice read to find the parts. {@link ZipInspection}
 * reads the entries one after another as they are stored; this checks that the directory lists the same entries, and
 * holds its declared sizes to the same limits, so that a directory pointing elsewhere (overlapping entries, entries
 * hidden from a sequential reader) is refused too.
 */
final class ZipDirectory {

	private static final int END = 0x06054b50;
	private static final int ZIP64_LOCATOR = 0x07064b50;
	private static final int ZIP64_END = 0x06064b50;
	private static final int HEADER = 0x02014b50;
	/** The end record (22 bytes), its longest comment, and the Zip64 end record and locator before it. */
	private static final int TAIL = 22 + 0xFFFF + 20 + 56;

	private ZipDirectory() {}

	/**
	 * @throws FileRefused when the directory declares more than the limits or disagrees with the entries as stored
	 * @throws IOException when there is no readable directory
	 */
	static void check(InputStreamSource content, ZipInspection.Contents stored, EvidenceProperties.Inspection limits) throws IOException, FileRefused {
		byte[] tail = new byte[TAIL];
		int filled = 0;
		long length = 0;
		try (InputStream in = content.getInputStream()) {
			byte[] chunk = new byte[64 * 1024];
			for (int n; (n = in.read(chunk)) > 0; ) {
				length += n;
				if (n >= tail.length) {
					System.arraycopy(chunk, n - tail.length, tail, 0, tail.length);
					filled = tail.length;
				} else {
					int keep = Math.min(filled, tail.length - n);
					System.arraycopy(tail, filled - keep, tail, 0, keep);
					System.arraycopy(chunk, 0, tail, keep, n);
					filled = keep + n;
				}
			}
		}
		ByteBuffer end = ByteBuffer.wrap(tail, 0, filled).order(ByteOrder.LITTLE_ENDIAN);
		int at = filled - 22;
		while (at >= 0 && end.getInt(at) != END) {
			at--;
		}
		if (at < 0) {
			throw new IOException("no end of central directory");
		}
		long count = Short.toUnsignedLong(end.getShort(at + 10));
		long size = Integer.toUnsignedLong(end.getInt(at + 12));
		long offset = Integer.toUnsignedLong(end.getInt(at + 16));
		if (count == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) {
			int locator = at - 20;
			if (locator < 0 || end.getInt(locator) != ZIP64_LOCATOR) {
				throw new IOException("no Zip64 locator");
			}
			long zip64End = end.getLong(locator + 8) - (length - filled);
			if (zip64End < 0 || zip64End + 56 > locator || end.getInt((int) zip64End) != ZIP64_END) {
				throw new IOException("no Zip64 end record");
			}
			count = end.getLong((int) zip64End + 32);
			size = end.getLong((int) zip64End + 40);
			offset = end.getLong((int) zip64End + 48);
		}
		if (count > limits.maxEntries()) {
			throw new FileRefused("error.upload.zip.entries", limits.maxEntries());
		}
		if (offset < 0 || size < 0 || offset + size > length) {
			throw new IOException("central directory outside the file");
		}
		byte[] directory;
		try (InputStream in = content.getInputStream()) {
			in.skipNBytes(offset);
			directory = in.readNBytes((int) size);
		}
		List<String> names = listed(ByteBuffer.wrap(directory).order(ByteOrder.LITTLE_ENDIAN), limits);
		if (names.size() != stored.entries() || !new HashSet<>(names).equals(stored.names())) {
			throw new FileRefused("error.upload.zip.directory");
		}
	}

	private static List<String> listed(ByteBuffer directory, EvidenceProperties.Inspection limits) throws IOException, FileRefused {
		long maxEntry = limits.maxEntrySize().toBytes();
		long total = 0;
		List<String> names = new ArrayList<>();
		int at = 0;
		while (at + 46 <= directory.limit() && directory.getInt(at) == HEADER) {
			long declared = Integer.toUnsignedLong(directory.getInt(at + 24));
			int nameLength = Short.toUnsignedInt(directory.getShort(at + 28));
			int extraLength = Short.toUnsignedInt(directory.getShort(at + 30));
			int commentLength = Short.toUnsignedInt(directory.getShort(at + 32));
			if (at + 46 + nameLength + extraLength + commentLength > directory.limit()) {
				throw new IOException("truncated central directory");
			}
			String name = new String(directory.array(), at + 46, nameLength, StandardCharsets.UTF_8);
			if (declared == 0xFFFFFFFFL) {
				declared = zip64Size(directory, at + 46 + nameLength, extraLength);
			}
			if (declared > maxEntry) {
				throw new FileRefused("error.upload.zip.entry-size", name, limits.maxEntrySize().toMegabytes());
			}
			total += declared;
			if (total > limits.maxExpandedSize().toBytes()) {
				throw new FileRefused("error.upload.zip.total-size", limits.maxExpandedSize().toMegabytes());
			}
			names.add(name);
			at += 46 + nameLength + extraLength + commentLength;
		}
		return names;
	}

	/** The uncompressed size in an entry's Zip64 extra field (id 1; it comes first there). */
	private static long zip64Size(ByteBuffer directory, int extra, int length) throws IOException {
		for (int at = extra; at + 4 <= extra + length; ) {
			int id = Short.toUnsignedInt(directory.getShort(at));
			int size = Short.toUnsignedInt(directory.getShort(at + 2));
			if (id == 1 && size >= 8) {
				long declared = directory.getLong(at + 4);
				return declared < 0 ? Long.MAX_VALUE : declared;
			}
			at += 4 + size;
		}
		throw new IOException("no Zip64 size");
	}
}
