package org.chuangwen.people;

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

/** Rosters for tests: valid 身份证号 by GB 11643 and small workbooks written and read with POI. */
final class Rosters {

	static final List<String> HEADER = List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体");

	private Rosters() {}

	/** A valid number for someone born on {@code yyyyMMdd}; an odd {@code sequence} is a man. */
	static String id(String yyyyMMdd, int sequence) {
		String first17 = "110101" + yyyyMMdd + "%03d".formatted(sequence);
		return first17 + IdNumber.checkChar(first17);
	}

	/** The same number with a wrong check character. */
	static String broken(String id) {
		char wrong = id.charAt(17) == '1' ? '2' : '1';
		return id.substring(0, 17) + wrong;
	}

	static List<String> row(String name, String sex, String id, String phone, String building, String room, String groups) {
		return List.of(name, sex, id, phone, building, "1单元", room, "户主", "户籍人口", groups);
	}

	static byte[] xlsx(List<String> header, List<List<String>> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("居民");
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

	static byte[] xlsx(List<List<String>> rows) {
		return xlsx(HEADER, rows);
	}

	/** Every row of the first sheet as text, the header first. */
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
