package org.chuangwen.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The few things every generated Word document needs: A4 pages, 宋体 text, centred titles, text in table cells, table
 * columns that every office suite lays out alike.
 */
public final class Word {

	public static final String FONT = "宋体";
	/** Twips (1/1440 inch) of A4 and of a 2 cm margin. */
	private static final int A4_SHORT = 11906;
	private static final int A4_LONG = 16838;
	private static final int MARGIN = 1134;

	private Word() {}

	public static XWPFDocument a4(boolean landscape) {
		XWPFDocument doc = new XWPFDocument();
		CTSectPr section = doc.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
		size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
		if (landscape) {
			size.setOrient(STPageOrientation.LANDSCAPE);
		}
		CTPageMar margin = section.addNewPgMar();
		margin.setTop(BigInteger.valueOf(MARGIN));
		margin.setBottom(BigInteger.valueOf(MARGIN));
		margin.setLeft(BigInteger.valueOf(MARGIN));
		margin.setRight(BigInteger.valueOf(MARGIN));
		return doc;
	}

	public static XWPFParagraph title(XWPFDocument doc, String text, int points) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		run(paragraph, text, points, true);
		return paragraph;
	}

	public static XWPFParagraph paragraph(XWPFDocument doc, String text, int points) {
		XWPFParagraph paragraph = doc.createParagraph();
		run(paragraph, text, points, false);
		return paragraph;
	}

	public static XWPFRun run(XWPFParagraph paragraph, String text, int points, boolean bold) {
		XWPFRun run = paragraph.createRun();
		run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
		run.setFontSize(points);
		run.setBold(bold);
		// a stored value that is not valid XML text (a lone surrogate, a control character) must not break the document
		run.setText(text == null ? "" : Text.printable(text));
		return run;
	}

	/**
	 * Writes a document and discards it. Closing a new document instead would save the whole package a second time
	 * into memory (≈0.7 s and one more copy for a page of photos).
	 */
	public static void write(XWPFDocument doc, OutputStream out) throws IOException {
		try {
			doc.write(out);
		} finally {
			doc.getPackage().revert();
		}
	}

	/** Usable width between the margins, in twips. */
	public static int usableWidth(boolean landscape) {
		return (landscape ? A4_LONG : A4_SHORT) - 2 * MARGIN;
	}

	/**
	 * Fixes the column widths (twips) of a table and all its cells, so that Word, WPS and LibreOffice lay it out alike;
	 * call it once every row exists.
	 */
	public static void widths(XWPFTable table, int... twips) {
		CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		int total = 0;
		for (int width : twips) {
			grid.addNewGridCol().setW(BigInteger.valueOf(width));
			total += width;
		}
		table.setWidth(String.valueOf(total));
		table.setTableAlignment(TableRowAlign.CENTER);
		for (XWPFTableRow row : table.getRows()) {
			for (int c = 0; c < row.getTableCells().size() && c < twips.length; c++) {
				row.getCell(c).setWidth(String.valueOf(twips[c]));
			}
		}
	}

	/** Widths proportional to {@code weights} that fill {@code total} twips. */
	public static int[] spread(int total, int... weights) {
		int sum = 0;
		for (int weight : weights) {
			sum += weight;
		}
		int[] widths = new int[weights.length];
		for (int i = 0; i < weights.length; i++) {
			widths[i] = total * weights[i] / sum;
		}
		return widths;
	}

	/** Replaces a cell's text (one paragraph, one run). */
	public static void cell(XWPFTableCell cell, String text, int points, boolean bold) {
		XWPFParagraph paragraph = cell.getParagraphs().get(0);
		while (!paragraph.getRuns().isEmpty()) {
			paragraph.removeRun(0);
		}
		run(paragraph, text, points, bold);
	}
}
