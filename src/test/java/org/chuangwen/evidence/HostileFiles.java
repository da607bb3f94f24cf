package org.chuangwen.evidence;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Hostile files made small on disk: ZIP containers whose entries expand to gigabytes (deflated zeros, written by hand
 * with Zip64 sizes so that the declared size is the true one), containers with thousands of entries, and a PNG of
 * 30000 × 30000 pixels (1 bit per pixel, all zero) of about 100 KB. bench/trust/HostileFiles.java makes the same files.
 */
public final class HostileFiles {

	private static final int MB = 1 << 20;

	private HostileFiles() {}

	/** A ZIP entry: either small content, or {@code size} bytes of {@code fill}. */
	record Entry(String name, byte[] content, long size, byte fill, long declared) {

		Entry(String name, byte[] content, long size, byte fill) {
			this(name, content, size, fill, size);
		}

		static Entry of(String name, String content) {
			byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
			return new Entry(name, bytes, bytes.length, (byte) 0);
		}

		static Entry filled(String name, long size, char fill) {
			return new Entry(name, null, size, (byte) fill);
		}
	}

	static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
			+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
	static final String DOCUMENT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>";
	static final String APP = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Properties><Pages>1</Pages></Properties>";

	/** A DOCX with a media entry of {@code size} zero bytes after the document, before docProps/app.xml. */
	static byte[] docxWithExpandingMedia(long size) throws IOException {
		return zip(List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES), Entry.of("word/document.xml", DOCUMENT),
				Entry.filled("word/media/image1.png", size, '\0'), Entry.of("docProps/app.xml", APP)));
	}

	/** A DOCX whose word/document.xml is {@code size} bytes (blanks after an opening tag). */
	static byte[] docxWithHugeDocument(long size) throws IOException {
		return zip(List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES), Entry.filled("word/document.xml", size, ' '),
				Entry.of("docProps/app.xml", APP)));
	}

	/** A DOCX whose word/document.xml expands to {@code size} bytes while its headers declare {@code declared}. */
	static byte[] docxDeclaringLess(long size, long declared) throws IOException {
		return zip(List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES), new Entry("word/document.xml", null, size, (byte) ' ', declared),
				Entry.of("docProps/app.xml", APP)));
	}

	/** A DOCX with {@code count} empty entries besides its parts. */
	static byte[] docxWithEntries(int count) throws IOException {
		List<Entry> entries = new ArrayList<>(List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES), Entry.of("word/document.xml", DOCUMENT)));
		for (int i = 0; i < count; i++) {
			entries.add(new Entry(Integer.toString(i, 36), new byte[0], 0, (byte) 0));
		}
		return zip(entries);
	}

	/** A 1-bit greyscale PNG of the given size, all black; its IDAT is deflated zeros. */
	public static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
		ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(png, "IHDR", header.array());
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		byte[] row = new byte[1 + (width + 7) / 8];
		try (DeflaterOutputStream out = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
			for (int y = 0; y < height; y++) {
				out.write(row);
			}
		}
		chunk(png, "IDAT", idat.toByteArray());
		chunk(png, "IEND", new byte[0]);
		return png.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
		DataOutputStream out = new DataOutputStream(png);
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeInt(data.length);
		out.write(name);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeInt((int) crc.getValue());
	}

	/**
	 * Writes a ZIP by hand: each entry deflated (raw), sizes and CRC in the local header and in the central directory,
	 * Zip64 extra fields where a size does not fit 32 bits. A filled entry is one deflated megabyte repeated, which a
	 * reader cannot tell from a single stream: the file stays about 1/1000 of what it expands to.
	 */
	static byte[] zip(List<Entry> entries) throws IOException {
		return zip(entries, List.of());
	}

	/**
	 * A DOCX whose central directory also lists {@code hidden}, an entry not stored in sequence: its record points at the
	 * first entry's data (as overlapping-entry bombs do), so only a reader of the directory would see it.
	 */
	static byte[] docxWithHiddenEntry(String hidden) throws IOException {
		return zip(List.of(Entry.of("[Content_Types].xml", CONTENT_TYPES), Entry.of("word/document.xml", DOCUMENT), Entry.of("docProps/app.xml", APP)),
				List.of(hidden));
	}

	private static byte[] zip(List<Entry> entries, List<String> hidden) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream central = new ByteArrayOutputStream();
		for (Entry entry : entries) {
			byte[] data;
			long crc;
			if (entry.content() != null) {
				data = deflate(entry.content(), true);
				CRC32 c = new CRC32();
				c.update(entry.content());
				crc = c.getValue();
			} else {
				byte[] block = new byte[MB];
				java.util.Arrays.fill(block, entry.fill());
				byte[] chunk = deflate(block, false);
				long blocks = entry.size() / MB;
				ByteArrayOutputStream d = new ByteArrayOutputStream();
				CRC32 c = new CRC32();
				for (long i = 0; i < blocks; i++) {
					d.writeBytes(chunk);
					c.update(block);
				}
				d.writeBytes(new byte[] {3, 0});
				data = d.toByteArray();
				crc = c.getValue();
			}
			byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
			long declared = entry.declared();
			boolean zip64 = declared >= 0xFFFFFFFFL || data.length >= 0xFFFFFFFFL;
			byte[] extra = zip64
					? ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1).putShort((short) 16).putLong(declared).putLong(data.length).array()
					: new byte[0];
			long offset = out.size();
			ByteBuffer local = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN).putInt(0x04034b50).putShort((short) (zip64 ? 45 : 20))
					.putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x21).putInt((int) crc)
					.putInt(zip64 ? -1 : data.length).putInt(zip64 ? -1 : (int) declared).putShort((short) name.length).putShort((short) extra.length);
			out.writeBytes(local.array());
			out.writeBytes(name);
			out.writeBytes(extra);
			out.writeBytes(data);
			ByteBuffer head = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN).putInt(0x02014b50).putShort((short) 45).putShort((short) (zip64 ? 45 : 20))
					.putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x21).putInt((int) crc)
					.putInt(zip64 ? -1 : data.length).putInt(zip64 ? -1 : (int) declared).putShort((short) name.length).putShort((short) extra.length)
					.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
			central.writeBytes(head.array());
			central.writeBytes(name);
			central.writeBytes(extra);
		}
		byte[] first = central.toByteArray();
		for (String name : hidden) {
			byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
			ByteBuffer copy = ByteBuffer.allocate(46).order(ByteOrder.LITTLE_ENDIAN).put(first, 0, 46);
			copy.putShort(28, (short) bytes.length).putShort(30, (short) 0).putInt(42, 0);
			central.writeBytes(copy.array());
			central.writeBytes(bytes);
		}
		int count = entries.size() + hidden.size();
		long start = out.size();
		out.writeBytes(central.toByteArray());
		ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
				.putShort((short) count).putShort((short) count).putInt(central.size()).putInt((int) start).putShort((short) 0);
		out.writeBytes(end.array());
		return out.toByteArray();
	}

	/** Raw deflate; a block that is not {@code last} ends with a sync flush so that copies of it can follow it. */
	private static byte[] deflate(byte[] content, boolean last) {
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		deflater.setInput(content);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[64 * 1024];
		if (last) {
			deflater.finish();
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
		} else {
			int n;
			while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
				out.write(buffer, 0, n);
				if (n < buffer.length) {
					break;
				}
			}
		}
		deflater.end();
		return out.toByteArray();
	}
}
