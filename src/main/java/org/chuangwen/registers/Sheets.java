package org.chuangwen.registers;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.chuangwen.platform.ListExport;
import org.chuangwen.platform.ListWorkbook;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** A register's workbooks: the empty template, the error report of an import, and the masked export of its rows. */
@Component
class Sheets {

	static final String REASON = "错误原因";
	static final String RETIRED = "已停用列";
	private static final int WINDOW = 200;

	private final JdbcClient jdbc;
	private final Registers registers;
	private final RegisterRows rows;
	private final PersonalData personalData;
	private final DataScope scope;
	private final AuditLog audit;
	private final java.time.Clock clock;

	Sheets(JdbcClient jdbc, Registers registers, RegisterRows rows, PersonalData personalData, DataScope scope, AuditLog audit, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.registers = registers;
		this.rows = rows;
		this.personalData = personalData;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	/** The columns as headers, formatted as text, and a sheet that says what each column takes. */
	void writeTemplate(Schema schema, OutputStream out) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(WINDOW)) {
			book.setZip64Mode(Zip64Mode.Never); // so that the archive accepts one filed back
			Sheet sheet = book.createSheet(sheetName(schema.title()));
			CellStyle text = book.createCellStyle();
			text.setDataFormat(book.createDataFormat().getFormat("@"));
			List<String> labels = schema.columns().stream().map(Column::label).toList();
			header(book, sheet, labels);
			for (int c = 0; c < labels.size(); c++) {
				sheet.setDefaultColumnStyle(c, text);
				sheet.setColumnWidth(c, 16 * 256);
			}
			Sheet help = book.createSheet("填写说明");
			List<String> lines = new ArrayList<>(List.of("每行一条记录；第一行是列名，请勿修改。日期填 2026-03-01；电话、身份证号请按文本填写。"));
			for (Column c : schema.columns()) {
				lines.add(c.label() + "：" + typeName(c.type()) + (c.required() ? "，必填" : "")
						+ (c.options().isEmpty() ? "" : "，可选：" + String.join("、", c.options())));
			}
			if (!schema.keyColumns().isEmpty()) {
				lines.add("按以下列识别同一条记录（再次导入时更新它）：" + String.join("、", schema.keyColumns().stream()
						.map(k -> schema.column(k).map(Column::label).orElse(k)).toList()));
			}
			for (int i = 0; i < lines.size(); i++) {
				help.createRow(i).createCell(0).setCellValue(lines.get(i));
			}
			book.write(out);
			book.dispose();
		}
	}

	static String typeName(String type) {
		return switch (type) {
			case Column.NUMBER -> "数字";
			case Column.DATE -> "日期";
			case Column.CHOICE -> "选项";
			case Column.PERSON -> "居民编号";
			case Column.PHONE -> "电话（加密保存）";
			case Column.ID_NUMBER -> "身份证号（加密保存）";
			default -> "文本";
		};
	}

	/** The refused rows of an import as uploaded, with 错误原因, for a writer in scope (they hold the numbers as typed). */
	void writeReport(long importId, OutputStream out) throws IOException {
		ImportJob job = registers.job(importId);
		scope.checkWrite(job.orgPath(), job.orgUnitId(), "register_import", importId);
		audit.record("PERSONAL_DATA_REVEALED", "register_import", importId, job.orgUnitId(), "error report");
		String headers = jdbc.sql("select headers from register_import where id = :id").param("id", importId).query(String.class).single();
		List<String> columns = new ArrayList<>(Arrays.asList(headers.split("\t", -1)));
		int reasonColumn = columns.indexOf(REASON);
		if (reasonColumn < 0) {
			reasonColumn = columns.size();
			columns.add(REASON);
		}
		int reasonAt = reasonColumn;
		// shared strings, not SXSSF's inline ones: a report fixed with POI must come back with the fixes (see RosterWorkbooks)
		try (SXSSFWorkbook book = new SXSSFWorkbook(null, WINDOW, false, true)) {
			book.setZip64Mode(Zip64Mode.Never);
			Sheet sheet = book.createSheet("错误行");
			CellStyle text = book.createCellStyle();
			text.setDataFormat(book.createDataFormat().getFormat("@"));
			header(book, sheet, columns);
			int[] next = {1};
			jdbc.sql("select cells_enc, reason from register_import_row where import_id = :id order by row_no").param("id", importId).query(rs -> {
				List<String> cells = SchemaBook.JSON.readValue(personalData.decrypt(rs.getString(1)), new TypeReference<List<String>>() {});
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

	/**
	 * Every row at or below the unit, masked as on the page; a column no longer in the schema is exported under its old
	 * label marked 已停用列. Scope is checked now, so a refusal is still an error answer.
	 */
	ListExport export(Schema schema, long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		List<String> headers = new ArrayList<>(schema.columns().stream().map(Column::label).toList());
		schema.retired().values().forEach(label -> headers.add(label + "（" + RETIRED + "）"));
		LocalDateTime now = LocalDateTime.now(clock.withZone(Zones.SHANGHAI)).withSecond(0).withNano(0);
		return new ListExport(unit.name() + schema.title() + ".xlsx", out -> {
			ListWorkbook.write(out, sheetName(schema.title()), new ListWorkbook.Heading(unit.name() + schema.title(), "填报单位：" + unit.name(),
					"导出时间：" + now.toString().replace('T', ' ')), headers, body -> rows.each(schema.id(), unit.path(), row -> {
						Object[] cells = new Object[headers.size()];
						int i = 0;
						for (Column c : schema.columns()) {
							cells[i++] = cell(c, row.values().get(c.key()));
						}
						for (String key : schema.retired().keySet()) {
							cells[i++] = RowRules.display(row.values().get(key));
						}
						body.add(cells);
					}));
			audit.record("REGISTER_EXPORTED", "register_schema", schema.id(), orgUnitId, schema.name() + ", masked");
		});
	}

	private static Object cell(Column c, Object value) {
		if (value != null && Column.NUMBER.equals(c.type())) {
			try {
				return new java.math.BigDecimal(value.toString());
			} catch (NumberFormatException e) {
				return value.toString();
			}
		}
		return RowRules.display(value);
	}

	/** Excel allows 31 characters and none of []:*?/\ in a sheet name. */
	private static String sheetName(String title) {
		String name = Text.printable(title).replaceAll("[\\[\\]:*?/\\\\]", " ");
		return name.length() > 31 ? name.substring(0, 31) : name;
	}

	private static void header(Workbook book, Sheet sheet, List<String> columns) {
		Font bold = book.createFont();
		bold.setBold(true);
		CellStyle style = book.createCellStyle();
		style.setFont(bold);
		Row row = sheet.createRow(0);
		for (int c = 0; c < columns.size(); c++) {
			row.createCell(c).setCellValue(Text.printable(columns.get(c)));
			row.getCell(c).setCellStyle(style);
		}
	}

	/** The display values of a row by column key, and those of retired columns by their label. */
	static Map<String, String> displayed(Schema schema, Map<String, Object> values) {
		Map<String, String> shown = new java.util.LinkedHashMap<>();
		for (Column c : schema.columns()) {
			shown.put(c.key(), RowRules.display(values.get(c.key())));
		}
		return shown;
	}

	static Map<String, String> retired(Schema schema, Map<String, Object> values) {
		Map<String, String> shown = new java.util.LinkedHashMap<>();
		schema.retired().forEach((key, label) -> {
			if (values.containsKey(key)) {
				shown.put(label, RowRules.display(values.get(key)));
			}
		});
		return shown;
	}
}
