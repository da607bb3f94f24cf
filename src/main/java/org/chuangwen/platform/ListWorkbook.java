package org.chuangwen.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list as an XLSX workbook, written row by row: POI's streaming workbook keeps a window of rows in memory and the rest
 * in a compressed temporary file, so a list of a million rows needs no more heap than a hundred. A list taken out of
 * the pages starts with a title row, the filters applied and when it was exported, then the column headers.
 */
public final class ListWorkbook {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private ListWorkbook() {}

	/** What stands above the column headers; each line one row. */
	public record Heading(String title, String filters, String exported) {}

	/** Takes the rows of the list, one call per row, cells in column order. */
	public interface Rows {

		/** Text as it is, numbers as numbers, dates as yyyy-MM-dd, times as yyyy-MM-dd HH:mm, null as an empty cell. */
		void add(Object... cells);
	}

	public interface Body {
		void write(Rows rows) throws IOException;
	}

	/**
	 * Writes one sheet: the heading (when not null), the column headers (frozen while scrolling), then what
	 * {@code body} adds.
	 */
	public static void write(OutputStream out, String sheetName, Heading heading, List<String> columns, Body body) throws IOException {
		SXSSFWorkbook book = new SXSSFWorkbook(100);
		// no Zip64 records (a list is far below 4 GB): the archive's file inspection must accept a list filed back
		book.setZip64Mode(Zip64Mode.Never);
		try {
			book.setCompressTempFiles(true);
			SXSSFSheet sheet = book.createSheet(sheetName);
			int next = 0;
			if (heading != null) {
				CellStyle bold = book.createCellStyle();
				Font font = book.createFont();
				font.setBold(true);
				font.setFontHeightInPoints((short) 14);
				bold.setFont(font);
				Row title = sheet.createRow(next++);
				title.createCell(0).setCellValue(Text.printable(heading.title()));
				title.getCell(0).setCellStyle(bold);
				sheet.createRow(next++).createCell(0).setCellValue(Text.printable(heading.filters()));
				sheet.createRow(next++).createCell(0).setCellValue(Text.printable(heading.exported()));
			}
			Row header = sheet.createRow(next++);
			for (int i = 0; i < columns.size(); i++) {
				header.createCell(i).setCellValue(columns.get(i));
			}
			sheet.createFreezePane(0, next);
			int[] row = {next};
			body.write(cells -> {
				Row r = sheet.createRow(row[0]++);
				for (int i = 0; i < cells.length; i++) {
					Object cell = cells[i];
					if (cell instanceof Number number) {
						r.createCell(i).setCellValue(number.doubleValue());
					} else if (cell instanceof LocalDate date) {
						r.createCell(i).setCellValue(DATE.format(date));
					} else if (cell instanceof LocalDateTime time) {
						r.createCell(i).setCellValue(TIME.format(time));
					} else if (cell != null) {
						r.createCell(i).setCellValue(Text.printable(cell.toString()));
					}
				}
			});
			book.write(out);
		} finally {
			book.close();
			book.dispose();
		}
	}
}
