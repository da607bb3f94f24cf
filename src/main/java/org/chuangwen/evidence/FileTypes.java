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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.detect.Detector;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.mime.MediaType;
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

	private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

	/** The content type of an allowed file, or null when its content is not a type we accept. */
	String detect(InputStreamSource content) throws IOException {
		MediaType type;
		try (InputStream in = new BufferedInputStream(content.getInputStream())) {
			type = detector.detect(in, new org.apache.tika.metadata.Metadata());
		}
		String base = type.getBaseType().toString();
		if (DIRECT.contains(base)) {
			return base;
		}
		return switch (base) {
			case "application/zip", "application/x-tika-ooxml" -> ooxml(content);
			case "application/x-tika-msoffice" -> ole2(content);
			default -> null;
		};
	}

	static boolean isPhoto(String contentType) {
		return contentType.startsWith("image/");
	}

	/**
	 * Pages of a file where they can be read: PDFs are counted, Word and PowerPoint files report what the editor
	 * recorded (docProps/app.xml), a photo is one page. Null when unknown.
	 */
	Integer pages(String contentType, InputStreamSource content) {
		if (isPhoto(contentType)) {
			return 1;
		}
		try {
			return switch (contentType) {
				case "application/pdf" -> {
					try (InputStream in = content.getInputStream(); PDDocument pdf = Loader.loadPDF(new RandomAccessReadBuffer(in))) {
						yield pdf.getNumberOfPages();
					}
				}
				case DOCX -> recorded(content, "Pages");
				case PPTX -> recorded(content, "Slides");
				default -> null;
			};
		} catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}

	private static Integer recorded(InputStreamSource content, String element) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(content.getInputStream()))) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
				if (entry.getName().equals("docProps/app.xml")) {
					Matcher m = Pattern.compile("<" + element + ">(\\d+)</" + element + ">")
							.matcher(new String(zip.readNBytes(1 << 20), StandardCharsets.UTF_8));
					return m.find() && Integer.parseInt(m.group(1)) > 0 ? Integer.valueOf(m.group(1)) : null;
				}
			}
		}
		return null;
	}

	/** The capture time a camera wrote into the photo (EXIF DateTimeOriginal), or null. */
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

	private static String ooxml(InputStreamSource content) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(content.getInputStream()))) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
				String type = OOXML_MARKERS.get(entry.getName());
				if (type != null) {
					return type;
				}
			}
		} catch (IOException | IllegalArgumentException broken) {
			return null;
		}
		return null;
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
