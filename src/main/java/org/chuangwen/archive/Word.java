package org.chuangwen.archive;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/** The few things every generated Word document needs: A4 pages, 宋体 text, centred titles, text in table cells. */
final class Word {

	static final String FONT = "宋体";
	/** Twips (1/1440 inch) of A4 and of a 2 cm margin. */
	private static final int A4_SHORT = 11906;
	private static final int A4_LONG = 16838;
	private static final int MARGIN = 1134;

	private Word() {}

	static XWPFDocument a4(boolean landscape) {
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

	static XWPFParagraph title(XWPFDocument doc, String text, int points) {
		XWPFParagraph paragraph = doc.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		run(paragraph, text, points, true);
		return paragraph;
	}

	static XWPFParagraph paragraph(XWPFDocument doc, String text, int points) {
		XWPFParagraph paragraph = doc.createParagraph();
		run(paragraph, text, points, false);
		return paragraph;
	}

	static XWPFRun run(XWPFParagraph paragraph, String text, int points, boolean bold) {
		XWPFRun run = paragraph.createRun();
		run.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
		run.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
		run.setFontSize(points);
		run.setBold(bold);
		run.setText(text == null ? "" : text);
		return run;
	}

	/** Replaces a cell's text (one paragraph, one run). */
	static void cell(XWPFTableCell cell, String text, int points, boolean bold) {
		XWPFParagraph paragraph = cell.getParagraphs().get(0);
		while (!paragraph.getRuns().isEmpty()) {
			paragraph.removeRun(0);
		}
		run(paragraph, text, points, bold);
	}
}
