package org.chuangwen.elections;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chuangwen.Api;

/** Residents and polling lists for election tests: valid 身份证号 by GB 11643 and small workbooks written with POI. */
final class Voters {

	static final List<String> ROSTER = List.of("姓名", "性别", "身份证号", "联系电话", "楼栋", "单元", "门牌", "户主关系", "人员类别", "关爱群体");

	private Voters() {}

	/** A valid number for a man born on {@code birth}; {@code sequence} (odd) keeps numbers apart. */
	static String id(LocalDate birth, int sequence) {
		String first17 = "320102" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
		int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * weights[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	static List<String> resident(String name, String id, String building, String room) {
		return List.of(name, "男", id, "", building, "1单元", room, "户主", "户籍人口", "");
	}

	static byte[] xlsx(List<String> header, List<List<String>> rows) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet("名单");
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

	/** Imports residents into a community through the residents API, as a worker would. */
	static void importResidents(Api api, String user, long community, List<List<String>> rows) {
		Api.Response imported = api.postMultipart(user, "/api/v1/residents/import?orgUnitId=" + community,
				List.of(Api.Part.file("r.xlsx", xlsx(ROSTER, rows))));
		if (imported.status() != 200 || imported.json().get("rejected").asInt() != 0) {
			throw new IllegalStateException("roster not imported: " + imported.text());
		}
	}

	static long unit(Api api, long parent, String kind, String name) {
		Api.Response created = api.postJson("admin", "/api/v1/org-units", "{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":\"" + name + "\"}");
		if (created.status() != 201) {
			throw new IllegalStateException(created.text());
		}
		return created.id();
	}

	private static void write(Row row, List<String> cells) {
		for (int c = 0; c < cells.size(); c++) {
			row.createCell(c).setCellValue(cells.get(c));
		}
	}
}
