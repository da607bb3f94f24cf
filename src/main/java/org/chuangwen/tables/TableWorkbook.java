package org.chuangwen.tables;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.chuangwen.platform.Text;

/**
 * A statistics table in the form an inspector expects on paper: the title centred over the columns, 填报单位 and the
 * period, the column headers, the rows, a 合计 row, then 制表人 and 制表日期. Written through POI's streaming workbook
 * (a window of rows in memory, the rest in a compressed temporary file): built in memory, a table of 100,000 volunteers
 * did not fit in 512 MB of heap.
 */
final class TableWorkbook {

	private TableWorkbook() {}

	static void write(OutputStream out, String title, String unitName, LocalDate from, LocalDate to, StatisticsTable.Table table, String preparedBy,
			LocalDate preparedOn) throws IOException {
		SXSSFWorkbook book = new SXSSFWorkbook(100);
		try {
			book.setCompressTempFiles(true);
			// without Zip64 records: the archive's file inspection accepts the workbook when it is filed (a table is far
			// below the 4 GB where Zip64 would be needed)
			book.setZip64Mode(Zip64Mode.Never);
			Sheet sheet = book.createSheet(title);
			int width = Math.max(1, table.columns().size());
			CellStyle heading = book.createCellStyle();
			Font big = book.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 16);
			heading.setFont(big);
			heading.setAlignment(HorizontalAlignment.CENTER);
			CellStyle boxed = book.createCellStyle();
			boxed.setBorderTop(BorderStyle.THIN);
			boxed.setBorderBottom(BorderStyle.THIN);
			boxed.setBorderLeft(BorderStyle.THIN);
			boxed.setBorderRight(BorderStyle.THIN);
			CellStyle bold = book.createCellStyle();
			bold.cloneStyleFrom(boxed);
			Font strong = book.createFont();
			strong.setBold(true);
			bold.setFont(strong);

			Row titleRow = sheet.createRow(0);
			titleRow.createCell(0).setCellValue(title);
			titleRow.getCell(0).setCellStyle(heading);
			if (width > 1) {
				sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, width - 1));
			}
			Row unitRow = sheet.createRow(1);
			unitRow.createCell(0).setCellValue("填报单位：" + Text.printable(unitName));
			Row periodRow = sheet.createRow(2);
			periodRow.createCell(0).setCellValue("统计期间：" + from + " 至 " + to);
			int next = 3;
			cells(sheet.createRow(next++), table.columns(), bold);
			for (List<Object> row : table.rows()) {
				cells(sheet.createRow(next++), row, boxed);
			}
			cells(sheet.createRow(next++), table.totals(), bold);
			next++;
			Row signed = sheet.createRow(next);
			signed.createCell(0).setCellValue("制表人：" + Text.printable(preparedBy == null ? "" : preparedBy));
			signed.createCell(Math.max(1, width / 2)).setCellValue("制表日期：" + preparedOn);
			for (int i = 0; i < width; i++) {
				sheet.setColumnWidth(i, 14 * 256);
			}
			book.write(out);
		} finally {
			book.close();
			book.dispose();
		}
	}

	private static void cells(Row row, List<?> cells, CellStyle style) {
		for (int i = 0; i < cells.size(); i++) {
			Object cell = cells.get(i);
			var c = row.createCell(i);
			if (cell instanceof Number number) {
				c.setCellValue(number.doubleValue());
			} else if (cell != null) {
				c.setCellValue(Text.printable(cell.toString()));
			}
			c.setCellStyle(style);
		}
	}
}
