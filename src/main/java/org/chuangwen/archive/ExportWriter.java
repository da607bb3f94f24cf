package org.chuangwen.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.FileInfo;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.platform.Text;
import org.springframework.stereotype.Component;

/**
 * Streams boxes into a ZIP: per box its cover and spine, catalogue (DOCX, XLSX), photo pages and the original files
 * under readable Chinese names in box order; at the root a {@code manifest.sha256} that {@code sha256sum -c} checks.
 * Originals are copied through a small buffer and stored without recompression (photos, PDFs and Office files are
 * compressed already), so memory stays flat and the speed is close to a plain copy.
 */
@Component
class ExportWriter {

	static final String MANIFEST = "manifest.sha256";
	private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
	private static final Set<String> COMPRESSED = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/heic",
			"image/heif", "video/mp4", "video/quicktime", "application/pdf");
	/**
	 * Work of the generated parts, in bytes of copying that take as long, for the progress bar: a box's documents, and
	 * one photo placed on a photo page (decoding and scaling it takes as long as copying ≈40 MB; bench/RESULTS.md).
	 */
	private static final long DOCUMENTS_WORK = 1_000_000;
	private static final long PHOTO_WORK = 40_000_000;

	private final EvidenceArchive evidence;
	private final PrintArchive print;

	ExportWriter(EvidenceArchive evidence, PrintArchive print) {
		this.evidence = evidence;
		this.print = print;
	}

	/**
	 * Writes the boxes to {@code out} and reports progress (0–99) as bytes are written.
	 *
	 * @return the number of files in the archive, the manifest included
	 */
	int write(List<PrintedBox> boxes, int perPage, OutputStream out, IntConsumer progress, Path temporary) throws IOException {
		long total = 0;
		for (PrintedBox box : boxes) {
			total += DOCUMENTS_WORK + box.photos().size() * PHOTO_WORK;
			for (ArchiveItem item : box.items()) {
				total += item.material().files().stream().mapToLong(FileInfo::size).sum();
			}
		}
		Zip zip = new Zip(out, Math.max(total, 1), progress, temporary);
		for (PrintedBox box : boxes) {
			String folder = safe(box.unit().name()) + "/" + String.format("%02d", box.boxNumber()) + " " + safe(box.indicator().code())
					+ " " + safe(box.indicator().title()) + "/";
			zip.generated(folder + "00 封面与盒脊.docx", o -> print.writeCover(box, o));
			zip.generated(folder + "01 归档文件目录.docx", o -> print.writeCatalogueDocx(box, o));
			zip.generated(folder + "01 归档文件目录.xlsx", o -> print.writeCatalogueXlsx(box, o));
			zip.advance(DOCUMENTS_WORK);
			for (int part = 1; part <= print.photoParts(box); part++) {
				int p = part;
				zip.generated(folder + String.format("02 照片页-%02d.docx", part), o -> print.writePhotoPages(box, p, perPage, o, () -> zip.advance(PHOTO_WORK)));
			}
			for (ArchiveItem item : box.items()) {
				MaterialRow m = item.material();
				String name = String.format("%03d", item.sequence()) + " " + item.archivalCode() + " " + shortened(safe(m.title()));
				if (m.files().size() == 1) {
					FileInfo file = m.files().get(0);
					zip.original(folder + name + extension(file), file);
				} else {
					for (FileInfo file : m.files()) {
						zip.original(folder + name + "/" + String.format("%02d", file.index() + 1) + " " + safe(file.name()), file);
					}
				}
			}
		}
		zip.finish();
		return zip.entries;
	}

	interface Document {
		void writeTo(OutputStream out) throws IOException;
	}

	/** The ZIP being written, with the manifest lines and the progress so far. */
	private final class Zip {

		private final ZipOutputStream zip;
		private final StringBuilder manifest = new StringBuilder();
		private final long total;
		private final IntConsumer progress;
		private final byte[] buffer = new byte[64 * 1024];
		private long written;
		private int reported = -1;
		private int entries;

		private final Path temporary;

		Zip(OutputStream out, long total, IntConsumer progress, Path temporary) {
			this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
			this.total = total;
			this.progress = progress;
			this.temporary = temporary;
		}

		void original(String path, FileInfo file) throws IOException {
			try (InputStream in = evidence.open(file)) {
				entry(path, !COMPRESSED.contains(file.contentType()) && !file.contentType().contains("officedocument"), in, true);
			}
		}

		/** A generated Office document, written to a temporary file first so that it never sits in memory twice. */
		void generated(String path, Document document) throws IOException {
			Path file = Files.createTempFile(temporary, "document-", ".part");
			try {
				try (OutputStream out = Files.newOutputStream(file)) {
					document.writeTo(out);
				}
				try (InputStream in = Files.newInputStream(file)) {
					entry(path, false, in, false);
				}
			} finally {
				Files.deleteIfExists(file);
			}
		}

		private void entry(String path, boolean compress, InputStream in, boolean counted) throws IOException {
			zip.setLevel(compress ? Deflater.DEFAULT_COMPRESSION : Deflater.NO_COMPRESSION);
			zip.putNextEntry(named(path));
			MessageDigest digest = sha256();
			for (int n; (n = in.read(buffer)) > 0; ) {
				zip.write(buffer, 0, n);
				digest.update(buffer, 0, n);
				if (counted) {
					advance(n);
				}
			}
			zip.closeEntry();
			manifest.append(HexFormat.of().formatHex(digest.digest())).append("  ").append(path).append('\n');
			entries++;
		}

		void finish() throws IOException {
			zip.setLevel(Deflater.DEFAULT_COMPRESSION);
			zip.putNextEntry(named(MANIFEST));
			zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			entries++;
			zip.finish();
			zip.flush();
		}

		synchronized void advance(long bytes) {
			written += bytes;
			int percent = (int) Math.min(99, written * 100 / total);
			if (percent != reported) {
				reported = percent;
				progress.accept(percent);
			}
		}
	}

	/**
	 * An entry whose UTF-8 name also stands in an Info-ZIP Unicode Path field (0x7075): without it Info-ZIP's
	 * {@code unzip} ignores the UTF-8 flag of archives made by Java and garbles Chinese names.
	 */
	static ZipEntry named(String path) {
		byte[] name = path.getBytes(StandardCharsets.UTF_8);
		CRC32 crc = new CRC32();
		crc.update(name);
		ByteBuffer extra = ByteBuffer.allocate(9 + name.length).order(ByteOrder.LITTLE_ENDIAN);
		extra.putShort((short) 0x7075).putShort((short) (5 + name.length)).put((byte) 1).putInt((int) crc.getValue()).put(name);
		ZipEntry entry = new ZipEntry(path);
		entry.setExtra(extra.array());
		return entry;
	}

	static String safe(String name) {
		String cleaned = UNSAFE.matcher(name == null ? "" : Text.printable(name)).replaceAll("_").strip();
		return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? "_" : cleaned;
	}

	private static String shortened(String name) {
		return name.length() > 60 ? name.substring(0, 60) : name;
	}

	private static String extension(FileInfo file) {
		int dot = file.name().lastIndexOf('.');
		if (dot > 0 && dot >= file.name().length() - 6) {
			return safe(file.name().substring(dot).toLowerCase());
		}
		return switch (file.contentType()) {
			case "image/jpeg" -> ".jpg";
			case "image/png" -> ".png";
			case "application/pdf" -> ".pdf";
			default -> "";
		};
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
