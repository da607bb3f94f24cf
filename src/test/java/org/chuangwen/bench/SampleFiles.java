package org.chuangwen.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.chuangwen.demo.DemoFiles;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Small real documents (PDF, DOCX, XLSX, JPEG), distinct by a tag, and reading a generated DOCX back. */
final class SampleFiles {

	static String contentType(String type) {
		return switch (type) {
			case "jpg" -> "image/jpeg";
			case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
			case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
			default -> "application/pdf";
		};
	}

	/** A one-page PDF with a correct cross-reference table; the title and tag make it unique. */
	static byte[] pdf(String title, String tag) {
		String text = ascii(tag);
		String stream = "BT /F1 12 Tf 72 760 Td (" + text + ") Tj ET";
		List<String> objects = List.of(
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
				"<< /Title <FEFF" + utf16Hex(title) + "> /Producer (chuangwen bench) >>");
		StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.length());
			pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
		}
		int xref = pdf.length();
		pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		for (int off : offsets) {
			pdf.append(String.format("%010d 00000 n \n", off));
		}
		pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 6 0 R >>\nstartxref\n").append(xref)
				.append("\n%%EOF\n");
		return pdf.toString().getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A valid one-page PDF of about {@code size} bytes: like {@link #pdf}, plus an unreferenced stream object of
	 * random (incompressible) bytes, so that it weighs as much as a photo but is no photo.
	 */
	static byte[] pdfWithPayload(String title, String tag, int size, SplittableRandom random) {
		byte[] probe = pdfPayload(title, tag, new byte[0]);
		byte[] payload = new byte[Math.max(0, size - probe.length)];
		random.nextBytes(payload);
		return pdfPayload(title, tag, payload);
	}

	private static byte[] pdfPayload(String title, String tag, byte[] payload) {
		String stream = "BT /F1 12 Tf 72 760 Td (" + ascii(tag) + ") Tj ET";
		List<byte[]> objects = new ArrayList<>();
		for (String o : List.of(
				"<< /Type /Catalog /Pages 2 0 R >>",
				"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
				"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
				"<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
				"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
				"<< /Title <FEFF" + utf16Hex(title) + "> /Producer (chuangwen bench) >>")) {
			objects.add(o.getBytes(StandardCharsets.US_ASCII));
		}
		ByteArrayOutputStream blob = new ByteArrayOutputStream(payload.length + 64);
		blob.writeBytes(("<< /Length " + payload.length + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
		blob.writeBytes(payload);
		blob.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
		objects.add(blob.toByteArray());
		ByteArrayOutputStream pdf = new ByteArrayOutputStream(payload.length + 2048);
		pdf.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(pdf.size());
			pdf.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
			pdf.writeBytes(objects.get(i));
			pdf.writeBytes("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
		}
		int xref = pdf.size();
		StringBuilder tail = new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
		for (int off : offsets) {
			tail.append(String.format("%010d 00000 n \n", off));
		}
		tail.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 6 0 R >>\nstartxref\n").append(xref)
				.append("\n%%EOF\n");
		pdf.writeBytes(tail.toString().getBytes(StandardCharsets.US_ASCII));
		return pdf.toByteArray();
	}

	static String ascii(String s) {
		return s.replaceAll("[^ -~]", "?").replace("(", "[").replace(")", "]").replace("\\", "/");
	}

	static String utf16Hex(String s) {
		return HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.UTF_16BE));
	}

	/** A DOCX with the title and the tag, a paragraph each: the demo data's own POI writer. */
	static byte[] docx(String title, String tag) {
		return DemoFiles.docx(title, tag);
	}

	/** An XLSX, sheet 统计表: the title in A1, the tag and a number in A2:B2 (the demo data's own POI writer). */
	static byte[] xlsx(String title, String tag) {
		return DemoFiles.xlsx("统计表", new String[] {title}, new String[] {tag, "12"});
	}

	static String fileType(String kind, int index) {
		if (kind.equals("图片")) {
			return "jpg";
		}
		if (kind.endsWith("统计表")) {
			return "xlsx";
		}
		if (List.of("方案", "街道下发的方案", "总结", "制度", "规划", "章程", "领导讲话", "经验材料", "典型材料").contains(kind)) {
			return index % 2 == 0 ? "docx" : "pdf";
		}
		return "pdf";
	}

	/** A small real JPEG made distinct by a COM segment right after SOI. */
	static byte[] jpegWithComment(byte[] jpeg, String comment) {
		byte[] text = comment.getBytes(StandardCharsets.UTF_8);
		ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + text.length);
		out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xFE).putShort((short) (text.length + 2)).put(text);
		out.put(jpeg, 2, jpeg.length - 2);
		return out.array();
	}

	/** The body XML of a DOCX as POI reads it (a placed picture shows as a {@code <w:drawing>} element). */
	static String docxXml(byte[] docx) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			return doc.getDocument().xmlText();
		}
	}

	/** The text of a DOCX body as POI reads it: a line per paragraph, also those in table cells, in document order. */
	static String docxText(byte[] docx) throws IOException {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
			StringBuilder text = new StringBuilder();
			appendText(doc.getBodyElements(), text);
			return text.toString();
		}
	}

	private static void appendText(List<IBodyElement> elements, StringBuilder text) {
		for (IBodyElement element : elements) {
			if (element instanceof XWPFParagraph paragraph) {
				text.append(paragraph.getText()).append('\n');
			} else if (element instanceof XWPFTable table) {
				for (XWPFTableRow row : table.getRows()) {
					for (XWPFTableCell cell : row.getTableCells()) {
						appendText(cell.getBodyElements(), text);
					}
				}
			}
		}
	}
}
