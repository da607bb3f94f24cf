package org.chuangwen.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Small but real files for demo materials and tests: JPEG photos (optionally with EXIF time), DOCX, XLSX. */
public final class DemoFiles {

	private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

	private DemoFiles() {}

	/** A JPEG of the given size; with {@code takenAt}, an EXIF DateTimeOriginal as a camera writes it. */
	public static byte[] jpeg(int width, int height, Color color, LocalDateTime takenAt) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		byte[] jpeg = out.toByteArray();
		return takenAt == null ? jpeg : withExifTime(jpeg, takenAt);
	}

	public static byte[] docx(String title, String body) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			doc.createParagraph().createRun().setText(title);
			doc.createParagraph().createRun().setText(body);
			doc.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static byte[] xlsx(String sheetName, String[]... rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = book.createSheet(sheetName);
			for (int r = 0; r < rows.length; r++) {
				org.apache.poi.xssf.usermodel.XSSFRow row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			book.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Inserts an APP1 segment holding a minimal TIFF: IFD0 → Exif IFD → DateTimeOriginal. */
	private static byte[] withExifTime(byte[] jpeg, LocalDateTime takenAt) {
		byte[] time = (EXIF_TIME.format(takenAt) + "\0").getBytes(StandardCharsets.US_ASCII);
		ByteBuffer tiff = ByteBuffer.allocate(44 + time.length);
		tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
		tiff.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(26).putInt(0);
		tiff.putShort((short) 1).putShort((short) 0x9003).putShort((short) 2).putInt(time.length).putInt(44).putInt(0);
		tiff.put(time);
		byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		int length = 2 + header.length + tiff.capacity();
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
		out.put(jpeg, 0, 2);
		out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(tiff.array());
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}
}
