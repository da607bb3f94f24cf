package org.chuangwen.archive;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.FileInfo;
import org.chuangwen.evidence.PhotoCaption;
import org.springframework.stereotype.Component;

/**
 * Photo pages after DA/T 50-2014: two or four photos to an A4 page, each with its caption — 题名, 时间 (the caption's,
 * else the camera's EXIF time, else the date formed), 地点, 人物, 摄影者 — and its archival code. Photos are turned
 * upright as the camera recorded and scaled down for print, one at a time, so memory stays small.
 */
@Component
class PhotoPages {

	/** Photos per generated document, so that no document grows without bound. */
	static final int PER_DOCUMENT = 40;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final EvidenceArchive evidence;

	PhotoPages(EvidenceArchive evidence) {
		this.evidence = evidence;
	}

	/** Writes the given photos of a box; {@code firstNumber} is the running number of the first photo in the box. */
	void write(PrintedBox box, List<PrintedBox.Photo> photos, int perPage, int firstNumber, OutputStream out) throws IOException {
		boolean four = perPage == 4;
		double maxWidth = cm(four ? 8.0 : 15.0);
		double maxHeight = cm(four ? 5.8 : 9.5);
		int maxSide = four ? 1000 : 1600;
		int fontSize = four ? 9 : 10;
		try (XWPFDocument doc = Word.a4(false)) {
			Word.title(doc, "照片档案 · " + box.unit().name() + " · " + box.indicator().code() + " " + box.indicator().title(), 12);
			for (int start = 0; start < photos.size(); start += perPage) {
				if (start > 0) {
					doc.createParagraph().createRun().addBreak(BreakType.PAGE);
				}
				List<PrintedBox.Photo> page = photos.subList(start, Math.min(start + perPage, photos.size()));
				int columns = four ? 2 : 1;
				XWPFTable table = doc.createTable(perPage / columns, columns);
				for (int i = 0; i < page.size(); i++) {
					XWPFTableCell cell = table.getRow(i / columns).getCell(i % columns);
					photo(cell, page.get(i), firstNumber + start + i, maxWidth, maxHeight, maxSide, fontSize);
				}
				Word.widths(table, four ? Word.spread(Word.usableWidth(false), 1, 1) : new int[] {Word.usableWidth(false)});
			}
			doc.write(out);
		}
	}

	private void photo(XWPFTableCell cell, PrintedBox.Photo photo, int number, double maxWidth, double maxHeight, int maxSide, int fontSize)
			throws IOException {
		XWPFParagraph picture = cell.getParagraphs().get(0);
		picture.setAlignment(ParagraphAlignment.CENTER);
		Printable image = printable(photo.file(), maxSide);
		if (image == null) {
			Word.run(picture, "(此格式无法排版,请单独打印原图:" + photo.file().name() + ")", fontSize, false);
		} else {
			double scale = Math.min(maxWidth / image.width(), maxHeight / image.height());
			try (InputStream in = new ByteArrayInputStream(image.jpeg())) {
				picture.createRun().addPicture(in, Document.PICTURE_TYPE_JPEG, "photo-" + number + ".jpg",
						Units.toEMU(image.width() * scale), Units.toEMU(image.height() * scale));
			} catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
				throw new IOException(e);
			}
		}
		PhotoCaption caption = photo.file().caption();
		String time = photo.file().shownTime() != null ? TIME.format(photo.file().shownTime()) : DAY.format(photo.item().material().dateFormed());
		line(cell, "题名:" + (caption.title() != null ? caption.title() : photo.item().material().title()), fontSize);
		line(cell, "时间:" + time, fontSize);
		line(cell, "地点:" + orEmpty(caption.place()), fontSize);
		line(cell, "人物:" + orEmpty(caption.people()), fontSize);
		line(cell, "摄影者:" + orEmpty(caption.photographer()), fontSize);
		line(cell, "档号:" + photo.item().archivalCode() + " · 照片 " + number, fontSize);
	}

	private static void line(XWPFTableCell cell, String text, int fontSize) {
		Word.run(cell.addParagraph(), text, fontSize, false);
	}

	/** A photo ready to embed: upright, at most {@code maxSide} pixels on its longer side, as JPEG; null if unreadable. */
	record Printable(byte[] jpeg, int width, int height) {}

	Printable printable(FileInfo file, int maxSide) {
		int orientation = orientation(file);
		try (InputStream in = evidence.open(file); ImageInputStream images = ImageIO.createImageInputStream(in)) {
			Iterator<ImageReader> readers = images == null ? null : ImageIO.getImageReaders(images);
			if (readers == null || !readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			BufferedImage source;
			try {
				reader.setInput(images, true, true);
				int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / (maxSide * 2));
				ImageReadParam param = reader.getDefaultReadParam();
				param.setSourceSubsampling(step, step, 0, 0);
				source = reader.read(0, param);
			} finally {
				reader.dispose();
			}
			BufferedImage upright = upright(scaled(source, maxSide), orientation);
			return new Printable(jpeg(upright), upright.getWidth(), upright.getHeight());
		} catch (IOException | RuntimeException unreadable) {
			return null;
		}
	}

	private static BufferedImage scaled(BufferedImage source, int maxSide) {
		double scale = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(source, 0, 0, width, height, null);
		g.dispose();
		return target;
	}

	/** Applies the EXIF orientation: 3 = upside down, 6 = turned right, 8 = turned left. */
	static BufferedImage upright(BufferedImage image, int orientation) {
		int quarterTurns = switch (orientation) {
			case 3 -> 2;
			case 6 -> 1;
			case 8 -> 3;
			default -> 0;
		};
		if (quarterTurns == 0) {
			return image;
		}
		boolean sideways = quarterTurns % 2 == 1;
		int width = sideways ? image.getHeight() : image.getWidth();
		int height = sideways ? image.getWidth() : image.getHeight();
		BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = target.createGraphics();
		AffineTransform turn = new AffineTransform();
		turn.translate(width / 2.0, height / 2.0);
		turn.quadrantRotate(quarterTurns);
		turn.translate(-image.getWidth() / 2.0, -image.getHeight() / 2.0);
		g.drawImage(image, turn, null);
		g.dispose();
		return target;
	}

	private int orientation(FileInfo file) {
		try (InputStream in = evidence.open(file)) {
			Metadata metadata = ImageMetadataReader.readMetadata(in);
			ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
			return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION) ? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
		} catch (Exception unreadable) {
			return 1;
		}
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.85f);
			writer.write(null, new IIOImage(image, null, null), param);
		} finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static double cm(double centimetres) {
		return centimetres * 72 / 2.54;
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}
}
