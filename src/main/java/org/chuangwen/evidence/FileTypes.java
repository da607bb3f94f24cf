package org.chuangwen.evidence;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.detect.Detector;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.mime.MediaType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Decides a file's type from its bytes, never from its name: images, PDF, Office documents (the container is
 * opened to tell Word from Excel from PowerPoint) and phone videos. Anything else is not evidence we keep.
 */
@Component
class FileTypes {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

	private static final Set<String> DIRECT = Set.of(
			"image/jpeg", "image/png", "image/gif", "image/webp", "image/heic", "image/heif",
			"application/pdf", "video/mp4", "video/quicktime");
	private static final Map<String, String> OOXML_MARKERS = Map.of(
			"word/document.xml", DOCX, "xl/workbook.xml", XLSX, "ppt/presentation.xml", PPTX);
	private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	private static final Set<String> DECODABLE_IMAGES = Set.of("image/jpeg", "image/png", "image/gif");
	/** Where the camera time is read; a PNG's metadata is never read, its compressed text chunks could be bombs. */
	private static final Set<String> EXIF_READABLE = Set.of("image/jpeg", "image/heic", "image/heif", "image/webp");
	private static final Pattern PAGES = Pattern.compile("<Pages>(\\d+)</Pages>");
	private static final Pattern SLIDES = Pattern.compile("<Slides>(\\d+)</Slides>");

	private final Detector detector = TikaConfig.getDefaultConfig().getDetector();
	private final EvidenceProperties.Inspection limits;

	@Autowired
	FileTypes(EvidenceProperties properties) {
		this(properties.inspection());
		// The platform reads Office containers itself (ZipInspection); should POI ever open a user's file, it must
		// hold to the same limits rather than to its own defaults. These are POI-wide settings, hence set here once.
		EvidenceProperties.Inspection limits = properties.inspection();
		ZipSecureFile.setMinInflateRatio(1.0 / limits.maxCompressionRatio());
		ZipSecureFile.setMaxEntrySize(limits.maxEntrySize().toBytes());
		ZipSecureFile.setMaxFileCount(limits.maxEntries());
		ZipSecureFile.setGraceEntrySize(1 << 20);
	}

	FileTypes(EvidenceProperties.Inspection limits) {
		this.limits = limits;
	}

	/** What inspecting a file found: its type and, where it can be read, its number of pages. */
	record Inspected(String contentType, Integer pages, LocalDateTime takenAt) {}

	/** The content type of an allowed file, or null when its content is not a type we accept. */
	String detect(InputStreamSource content) throws IOException, FileRefused {
		Inspected inspected = inspect(content);
		return inspected == null ? null : inspected.contentType();
	}

	/**
	 * Decides the type of a file and reads its page count, within the inspection limits: an Office container is
	 * inflated once with every byte counted, a PDF's cross-reference and object streams are measured before PDFBox
	 * opens it, an image's dimensions are read from its header. Pages are a photo's 1, a PDF's count, or what a Word
	 * or PowerPoint file records (docProps/app.xml); null when unknown.
	 *
	 * @return null when the content is not a type we accept
	 * @throws FileRefused when the file is over a limit
	 */
	Inspected inspect(InputStreamSource content) throws IOException, FileRefused {
		long deadline = System.nanoTime() + limits.timeBudget().toNanos();
		MediaType type;
		try (InputStream in = new BufferedInputStream(content.getInputStream())) {
			type = detector.detect(in, new org.apache.tika.metadata.Metadata());
		}
		String base = type.getBaseType().toString();
		if (base.startsWith("image/") && DIRECT.contains(base)) {
			checkDimensions(base, content);
			return new Inspected(base, 1, EXIF_READABLE.contains(base) ? takenAt(content) : null);
		}
		if (base.equals("application/pdf")) {
			return new Inspected(base, pdfPages(content, deadline), null);
		}
		if (DIRECT.contains(base)) {
			return new Inspected(base, null, null);
		}
		return switch (base) {
			case "application/zip", "application/x-tika-ooxml" -> ooxml(content, deadline);
			case "application/x-tika-msoffice" -> {
				String ole2 = ole2(content);
				yield ole2 == null ? null : new Inspected(ole2, null, null);
			}
			default -> null;
		};
	}

	static boolean isPhoto(String contentType) {
		return contentType.startsWith("image/");
	}

	/**
	 * Refuses an image whose header announces more pixels than the budget. JPEG, PNG and GIF are what the platform
	 * decodes for print; WebP and HEIC are kept as they are and never decoded.
	 */
	private void checkDimensions(String type, InputStreamSource content) throws IOException, FileRefused {
		if (!DECODABLE_IMAGES.contains(type)) {
			return;
		}
		try (InputStream in = content.getInputStream(); ImageInputStream images = ImageIO.createImageInputStream(in)) {
			Iterator<ImageReader> readers = images == null ? null : ImageIO.getImageReaders(images);
			if (readers == null || !readers.hasNext()) {
				return;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(images, true, true);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width * height > limits.maxImagePixels()) {
					throw new FileRefused("error.upload.image.pixels", width, height, limits.maxImagePixels() / 1_000_000);
				}
			} catch (IOException | RuntimeException unreadableHeader) {
				// a header ImageIO cannot read is kept as the type says; it will print as "cannot be laid out"
			} finally {
				reader.dispose();
			}
		}
	}

	private Integer pdfPages(InputStreamSource content, long deadline) throws IOException, FileRefused {
		byte[] pdf;
		try (InputStream in = content.getInputStream()) {
			pdf = in.readAllBytes();
		}
		long memory = limits.pdfMemory().toBytes();
		PdfInspection.inspect(pdf, memory, limits, deadline);
		try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(pdf), "", null, null,
				MemoryUsageSetting.setupMainMemoryOnly(memory).streamCache)) {
			return document.getNumberOfPages();
		} catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}

	private Inspected ooxml(InputStreamSource content, long deadline) throws IOException, FileRefused {
		ZipInspection.Contents contents;
		try (InputStream in = new BufferedInputStream(content.getInputStream())) {
			contents = ZipInspection.inspect(in, limits, deadline);
			ZipDirectory.check(content, contents, limits);
		} catch (IOException broken) {
			return null;
		}
		for (Map.Entry<String, String> marker : OOXML_MARKERS.entrySet()) {
			if (contents.names().contains(marker.getKey())) {
				String type = marker.getValue();
				return new Inspected(type, recorded(contents.appProperties(), type.equals(DOCX) ? PAGES : type.equals(PPTX) ? SLIDES : null), null);
			}
		}
		return null;
	}

	private static Integer recorded(byte[] appProperties, Pattern element) {
		if (appProperties == null || element == null) {
			return null;
		}
		Matcher m = element.matcher(new String(appProperties, StandardCharsets.UTF_8));
		try {
			return m.find() && Integer.parseInt(m.group(1)) > 0 ? Integer.valueOf(m.group(1)) : null;
		} catch (NumberFormatException absurd) {
			return null;
		}
	}

	/** The capture time a camera wrote into a JPEG, HEIC or WebP photo (EXIF DateTimeOriginal), or null. */
	LocalDateTime takenAt(InputStreamSource photo) {
		try (InputStream in = new BufferedInputStream(photo.getInputStream())) {
			Metadata metadata = ImageMetadataReader.readMetadata(in);
			ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
			String original = exif == null ? null : exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
			return original == null ? null : LocalDateTime.parse(original.strip(), EXIF_TIME);
		} catch (IOException | com.drew.imaging.ImageProcessingException | RuntimeException e) {
			return null;
		}
	}

	private static String ole2(InputStreamSource content) throws IOException {
		try (InputStream in = content.getInputStream(); POIFSFileSystem fs = new POIFSFileSystem(in)) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntry("WordDocument")) {
				return "application/msword";
			}
			if (root.hasEntry("Workbook") || root.hasEntry("Book")) {
				return "application/vnd.ms-excel";
			}
			if (root.hasEntry("PowerPoint Document")) {
				return "application/vnd.ms-powerpoint";
			}
			return null;
		} catch (IOException | RuntimeException broken) {
			return null;
		}
	}
}
