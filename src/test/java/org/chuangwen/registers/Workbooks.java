package org.chuangwen.registers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small workbooks for tests, written and read with POI's user model. */
final class Workbooks {

	private Workbooks() {}

	static byte[] xlsx(List<String> header, List<List<String>> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("登记簿");
			write(sheet.createRow(0), header);
			for (int i = 0; i < rows.size(); i++) {
				write(sheet.createRow(i + 1), rows.get(i));
			}
			book.write(out);
			return out.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every row of the first sheet as text, the first row first. */
	static List<List<String>> read(byte[] xlsx) {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getLastCellNum(); c++) {
					cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
			return rows;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void write(Row row, List<String> cells) {
		for (int c = 0; c < cells.size(); c++) {
			row.createCell(c).setCellValue(cells.get(c));
		}
	}
}
