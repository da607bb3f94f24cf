package org.chuangwen.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.Word;
import org.springframework.stereotype.Component;

/** The box's cover and spine, and its 归档文件目录 (DA/T 22-2015) as Word and Excel. */
@Component
class BoxDocuments {

	static final List<String> CATALOGUE_COLUMNS = List.of("序号", "档号", "文号", "责任者", "题名", "日期", "页数", "备注");
	private static final int[] CATALOGUE_WIDTHS = {6, 34, 14, 16, 42, 11, 7, 20};
	private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
	/** A spine label about 3 cm wide, for a box 3–4 cm thick. */
	private static final int SPINE_WIDTH = 1700;

	private final ArchiveProperties properties;

	BoxDocuments(ArchiveProperties properties) {
		this.properties = properties;
	}

	/** Page 1: the cover (封面); page 2: the spine label (盒脊) to cut out and glue on. */
	void cover(PrintedBox box, OutputStream out) throws IOException {
		XWPFDocument doc = Word.a4(false);
		Word.title(doc, "档 案 盒", 36).setSpacingBefore(1200);
		Word.title(doc, box.indicator().code() + " " + box.indicator().title(), 20).setSpacingBefore(600);
		List<List<String>> facts = List.of(
				List.of("全宗名称", box.unit().name()),
				List.of("全宗号", properties.fondsCode()),
				List.of("门类", properties.category() + "(文书)"),
				List.of("年度", box.years()),
				List.of("保管期限", String.join("、", retentions(box))),
				List.of("件数", box.items().size() + " 件"),
				List.of("起止件号", box.items().isEmpty() ? "" : box.items().get(0).archivalCode() + " 至 "
						+ box.items().get(box.items().size() - 1).archivalCode()),
				List.of("盒号", "第 " + box.boxNumber() + " 盒"));
		XWPFTable table = doc.createTable(facts.size(), 2);
		for (int r = 0; r < facts.size(); r++) {
			Word.cell(table.getRow(r).getCell(0), facts.get(r).get(0), 14, true);
			Word.cell(table.getRow(r).getCell(1), facts.get(r).get(1), 14, false);
		}
		Word.widths(table, Word.spread(Word.usableWidth(false) * 4 / 5, 1, 3));
		doc.createParagraph().createRun().addBreak(BreakType.PAGE);

		Word.title(doc, "盒脊(裁下贴于档案盒侧面)", 12);
		List<String> spineLines = List.of(properties.fondsCode(), box.years(), box.indicator().code(), box.indicator().title(),
				box.items().size() + "件", "第" + box.boxNumber() + "盒");
		XWPFTable spine = doc.createTable(spineLines.size(), 1);
		for (int r = 0; r < spineLines.size(); r++) {
			Word.cell(spine.getRow(r).getCell(0), spineLines.get(r), r == 3 ? 16 : 14, true);
			spine.getRow(r).setHeight(900);
		}
		Word.widths(spine, SPINE_WIDTH);
		Word.write(doc, out);
	}

	/** The catalogue as Word: A4 landscape, the header repeated on every page. */
	void catalogueDocx(PrintedBox box, OutputStream out) throws IOException {
		XWPFDocument doc = Word.a4(true);
		Word.title(doc, "归档文件目录", 18);
		Word.title(doc, box.unit().name() + " · " + box.indicator().code() + " " + box.indicator().title() + " · 第 " + box.boxNumber() + " 盒", 11);
		XWPFTable table = doc.createTable(1, CATALOGUE_COLUMNS.size());
		XWPFTableRow header = table.getRow(0);
		header.setRepeatHeader(true);
		for (int c = 0; c < CATALOGUE_COLUMNS.size(); c++) {
			Word.cell(header.getCell(c), CATALOGUE_COLUMNS.get(c), 10, true);
		}
		for (List<String> values : catalogueRows(box)) {
			XWPFTableRow row = table.createRow();
			row.setCantSplitRow(true);
			for (int c = 0; c < values.size(); c++) {
				Word.cell(row.getCell(c), values.get(c), 10, false);
			}
		}
		Word.widths(table, Word.spread(Word.usableWidth(true), CATALOGUE_WIDTHS));
		Word.write(doc, out);
	}

	/** The catalogue as Excel: title in row 1, header in row 2 (repeated when printed), one row per 件. */
	void catalogueXlsx(PrintedBox box, OutputStream out) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			XSSFSheet sheet = book.createSheet("归档文件目录");
			XSSFFont bold = book.createFont();
			bold.setBold(true);
			CellStyle plain = bordered(book);
			CellStyle head = bordered(book);
			head.setFont(bold);
			head.setAlignment(HorizontalAlignment.CENTER);
			CellStyle title = book.createCellStyle();
			title.setFont(bold);
			title.setAlignment(HorizontalAlignment.CENTER);

			XSSFRow titleRow = sheet.createRow(0);
			titleRow.createCell(0).setCellValue(Text.printable("归档文件目录 · " + box.unit().name() + " · " + box.indicator().code() + " "
					+ box.indicator().title() + " · 第 " + box.boxNumber() + " 盒"));
			titleRow.getCell(0).setCellStyle(title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, CATALOGUE_COLUMNS.size() - 1));
			XSSFRow header = sheet.createRow(1);
			for (int c = 0; c < CATALOGUE_COLUMNS.size(); c++) {
				header.createCell(c).setCellValue(CATALOGUE_COLUMNS.get(c));
				header.getCell(c).setCellStyle(head);
				sheet.setColumnWidth(c, CATALOGUE_WIDTHS[c] * 256);
			}
			int r = 2;
			for (List<String> values : catalogueRows(box)) {
				XSSFRow row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					if ((c == 0 || c == 6) && !values.get(c).isEmpty()) {
						row.createCell(c).setCellValue(Integer.parseInt(values.get(c)));
					} else {
						row.createCell(c).setCellValue(Text.printable(values.get(c)));
					}
					row.getCell(c).setCellStyle(plain);
				}
			}
			sheet.createFreezePane(0, 2);
			sheet.setRepeatingRows(CellRangeAddress.valueOf("2:2"));
			sheet.getPrintSetup().setLandscape(true);
			sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			book.write(out);
		}
	}

	/** 序号, 档号, 文号, 责任者, 题名, 日期 (yyyyMMdd), 页数, 备注 — one list per 件, in box order. */
	static List<List<String>> catalogueRows(PrintedBox box) {
		List<List<String>> rows = new ArrayList<>();
		for (ArchiveItem item : box.items()) {
			MaterialRow m = item.material();
			List<String> remarks = new ArrayList<>();
			if (m.files().size() > 1) {
				remarks.add("含 " + m.files().size() + " 个文件");
			}
			if (m.late()) {
				remarks.add("补录");
			}
			Integer pages = m.pages();
			rows.add(List.of(String.valueOf(item.sequence()), item.archivalCode(), orEmpty(m.documentNumber()), orEmpty(m.responsibleParty()),
					m.title(), DATE.format(m.dateFormed()), pages == null ? "" : String.valueOf(pages), String.join(";", remarks)));
		}
		return rows;
	}

	private static Set<String> retentions(PrintedBox box) {
		Set<String> labels = new LinkedHashSet<>();
		box.items().forEach(item -> labels.add(item.retentionLabel()));
		return labels;
	}

	private static CellStyle bordered(XSSFWorkbook book) {
		CellStyle style = book.createCellStyle();
		style.setBorderTop(BorderStyle.THIN);
		style.setBorderBottom(BorderStyle.THIN);
		style.setBorderLeft(BorderStyle.THIN);
		style.setBorderRight(BorderStyle.THIN);
		style.setWrapText(true);
		return style;
	}

	private static String orEmpty(String text) {
		return text == null ? "" : text;
	}
}
