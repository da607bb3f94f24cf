package org.chuangwen.people;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The roster's workbooks, all written streaming (a window of rows in memory): the empty template, the error report
 * of an import (the uploaded sheet's columns plus 错误原因, refused rows only, so the worker fixes them there and
 * uploads the same file again), and the resident list with 身份证号 and phone masked.
 */
@Component
class RosterWorkbooks {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int WINDOW = 200;

	private final JdbcClient jdbc;
	private final Residents residents;
	private final PersonalData personalData;
	private final DataScope scope;
	private final AuditLog audit;

	RosterWorkbooks(JdbcClient jdbc, Residents residents, PersonalData personalData, DataScope scope, AuditLog audit) {
		this.jdbc = jdbc;
		this.residents = residents;
		this.personalData = personalData;
		this.scope = scope;
		this.audit = audit;
	}

	void writeTemplate(OutputStream out) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW)) {
			book.setZip64Mode(Zip64Mode.Never); // so that the archive accepts one filed back
			Sheet sheet = book.createSheet("居民花名册");
			CellStyle text = book.createCellStyle();
			text.setDataFormat(book.createDataFormat().getFormat("@"));
			header(book, sheet, Roster.COLUMNS);
			for (int c = 0; c < Roster.COLUMNS.size(); c++) {
				sheet.setDefaultColumnStyle(c, text);
				sheet.setColumnWidth(c, (Roster.COLUMNS.get(c).equals(Roster.ID_NUMBER) ? 22 : 12) * 256);
			}
			Sheet help = book.createSheet("填写说明");
			List<String> lines = new ArrayList<>(List.of(
					"每行一位居民；第一行是列名，请勿修改。身份证号、联系电话请按文本填写（本模板已设为文本格式）。",
					"必填：姓名、性别、身份证号、楼栋（导入到楼栋时可留空）。性别须与身份证号一致。",
					"楼栋须是本社区已建立的楼栋名称，如“1号楼”；单元、门牌按实际填写。",
					"户主关系如：户主、配偶、子女、父母；人员类别如：户籍人口、常住人口、流动人口。",
					"关爱群体可填多个，用顿号分隔，须为下列之一："));
			lines.add(String.join("、", residents.careGroups()));
			for (int i = 0; i < lines.size(); i++) {
				help.createRow(i).createCell(0).setCellValue(lines.get(i));
			}
			book.write(out);
			book.dispose();
		}
	}

	/** The refused rows of an import in their uploaded form, for a writer in scope (they hold the numbers as typed). */
	void writeReport(long importId, OutputStream out) throws IOException {
		ImportJob job = residents.job(importId);
		String path = jdbc.sql("select org_path from resident_import where id = :id").param("id", importId).query(String.class).single();
		scope.checkWrite(path, job.orgUnitId(), "resident_import", importId);
		audit.record("PERSONAL_DATA_REVEALED", "resident_import", importId, job.orgUnitId(), "error report");
		String headers = jdbc.sql("select headers from resident_import where id = :id").param("id", importId).query(String.class).single();
		List<String> columns = new ArrayList<>(Arrays.asList(headers.split("\t", -1)));
		int reasonColumn = columns.indexOf(Roster.REASON);
		if (reasonColumn < 0) {
			reasonColumn = columns.size();
			columns.add(Roster.REASON);
		}
		int reasonAt = reasonColumn;
		// shared strings, not SXSSF's inline ones: POI's user model edits an inline string cell by adding a value the
		// next reader ignores, so a report fixed with POI would come back unchanged
		try (SXSSFWorkbook book = new SXSSFWorkbook(null, WINDOW, false, true)) {
			book.setZip64Mode(Zip64Mode.Never); // so that the archive accepts one filed back
			Sheet sheet = book.createSheet("错误行");
			CellStyle text = book.createCellStyle();
			text.setDataFormat(book.createDataFormat().getFormat("@"));
			header(book, sheet, columns);
			int[] next = {1};
			jdbc.sql("select cells_enc, reason from resident_import_row where import_id = :id order by row_no").param("id", importId).query(rs -> {
				List<String> cells = JSON.readValue(personalData.decrypt(rs.getString(1)), new TypeReference<List<String>>() {});
				Row row = sheet.createRow(next[0]++);
				for (int c = 0; c < cells.size(); c++) {
					if (c != reasonAt) {
						org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
						cell.setCellStyle(text);
						cell.setCellValue(Text.printable(cells.get(c)));
					}
				}
				row.createCell(reasonAt).setCellValue(rs.getString(2));
			});
			for (int c = 0; c < columns.size(); c++) {
				sheet.setColumnWidth(c, (c == reasonAt ? 40 : 14) * 256);
			}
			book.write(out);
			book.dispose();
		}
	}

	/** Every resident at or below the unit, masked as on the page. */
	void writeList(long orgUnitId, OutputStream out) throws IOException {
		OrgUnit unit = scope.readable(orgUnitId);
		try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW)) {
			book.setZip64Mode(Zip64Mode.Never); // so that the archive accepts one filed back
			Sheet sheet = book.createSheet("居民名单");
			List<String> columns = List.of("姓名", "性别", "出生日期", "身份证号", "联系电话", "单元", "门牌", "户主关系", "人员类别", "关爱群体");
			header(book, sheet, columns);
			int[] next = {1};
			jdbc.sql("select " + ResidentRows.COLUMNS + " from resident r where r.org_path like :path order by r.org_path, r.unit_no, r.room_no, r.id")
					.param("path", unit.path() + "%")
					.query(rs -> {
						ResidentView r = ResidentRows.view(rs, 0);
						Row row = sheet.createRow(next[0]++);
						String[] values = {r.name(), r.sex(), r.birthDate().toString(), r.idNumber(), r.phone(), r.unitNo(), r.roomNo(), r.relation(),
								r.category(), r.careGroups()};
						for (int c = 0; c < values.length; c++) {
							row.createCell(c).setCellValue(values[c] == null ? "" : Text.printable(values[c]));
						}
					});
			book.write(out);
			book.dispose();
		}
		audit.record("RESIDENTS_EXPORTED", "org_unit", orgUnitId, orgUnitId, "masked");
	}

	private static void header(Workbook book, Sheet sheet, List<String> columns) {
		Font bold = book.createFont();
		bold.setBold(true);
		CellStyle style = book.createCellStyle();
		style.setFont(bold);
		Row row = sheet.createRow(0);
		for (int c = 0; c < columns.size(); c++) {
			row.createCell(c).setCellValue(columns.get(c));
			row.getCell(c).setCellStyle(style);
		}
	}
}
