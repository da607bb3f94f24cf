package org.chuangwen.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.PhotoCaption;
import org.chuangwen.platform.PrintImages;
import org.chuangwen.platform.Word;
import org.springframework.stereotype.Component;

/**
 * Photo pages after DA/T 50-2014: two or four photos to an A4 page, each with its caption — 题名, 时间 (the caption's,
 * else the camera's EXIF time, else the date formed), 地点, 人物, 摄影者 — and its archival code. Photos are turned
 * upright as the camera recorded and scaled down for print, one at a time, so memory stays small.
 */
@Component
class PhotoPages {

	/** Photos per generated document, so that no document grows without bound. */
	static final int PER_DOCUMENT = 20;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final EvidenceArchive evidence;

	PhotoPages(EvidenceArchive evidence) {
		this.evidence = evidence;
	}

	/**
	 * Writes the given photos of a box; {@code firstNumber} is the running number of the first photo in the box.
	 * Photos are prepared on every core; {@code onPlaced} is called as each is placed.
	 */
	void write(PrintedBox box, List<PrintedBox.Photo> photos, int perPage, int firstNumber, OutputStream out, Runnable onPlaced)
			throws IOException {
		boolean four = perPage == 4;
		double maxWidth = cm(four ? 8.0 : 15.0);
		double maxHeight = cm(four ? 5.8 : 9.5);
		int maxSide = four ? 1000 : 1600;
		int fontSize = four ? 9 : 10;
		List<PrintImages.Printable> images = photos.parallelStream()
				.map(photo -> PrintImages.printable(() -> evidence.open(photo.file()), maxSide, evidence.maxImagePixels()))
				.toList();
		XWPFDocument doc = Word.a4(false);
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
				photo(cell, page.get(i), images.get(start + i), firstNumber + start + i, maxWidth, maxHeight, fontSize);
				onPlaced.run();
			}
			Word.widths(table, four ? Word.spread(Word.usableWidth(false), 1, 1) : new int[] {Word.usableWidth(false)});
		}
		Word.write(doc, out);
	}

	private static void photo(XWPFTableCell cell, PrintedBox.Photo photo, PrintImages.Printable image, int number, double maxWidth, double maxHeight,
			int fontSize) throws IOException {
		XWPFParagraph picture = cell.getParagraphs().get(0);
		picture.setAlignment(ParagraphAlignment.CENTER);
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

	private static double cm(double centimetres) {
		return centimetres * 72 / 2.54;
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}
}
