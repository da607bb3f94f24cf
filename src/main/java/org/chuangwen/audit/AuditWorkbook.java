package org.chuangwen.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.chuangwen.platform.Zones;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit log of a date range as XLSX, written row by row (POI's streaming workbook keeps a window of rows in
 * memory, the rest goes to a temporary file), so a range of millions of entries needs no more heap than ten.
 */
@Component
class AuditWorkbook {

	private static final ZoneId BEIJING = Zones.SHANGHAI;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(BEIJING);
	private static final List<String> COLUMNS = List.of("id", "at", "actor", "action", "action-code", "object", "org-unit", "address", "detail", "hash");

	private final AuditChain chain;
	private final MessageSource messages;

	AuditWorkbook(AuditChain chain, MessageSource messages) {
		this.chain = chain;
		this.messages = messages;
	}

	String fileName(LocalDate from, LocalDate to, Locale locale) {
		return messages.getMessage("audit.export.file", new Object[] {from.toString(), to.toString()}, "audit-" + from + "-" + to, locale) + ".xlsx";
	}

	void write(LocalDate from, LocalDate to, Locale locale, OutputStream out) throws IOException {
		SXSSFWorkbook book = new SXSSFWorkbook(100);
		try {
			book.setCompressTempFiles(true);
			SXSSFSheet sheet = book.createSheet(messages.getMessage("audit.export.sheet", null, "audit", locale));
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(messages.getMessage("audit.export.column." + COLUMNS.get(i), null, COLUMNS.get(i), locale));
			}
			sheet.createFreezePane(0, 1);
			int[] next = {1};
			chain.forEachBetween(from.atStartOfDay(BEIJING).toInstant(), to.plusDays(1).atStartOfDay(BEIJING).toInstant(), e -> {
				Row row = sheet.createRow(next[0]++);
				row.createCell(0).setCellValue(e.id());
				row.createCell(1).setCellValue(TIME.format(e.occurredAt()));
				row.createCell(2).setCellValue(text(e.actor()));
				row.createCell(3).setCellValue(messages.getMessage("audit.action." + e.action(), null, e.action(), locale));
				row.createCell(4).setCellValue(e.action());
				row.createCell(5).setCellValue(text(e.objectType()) + (e.objectId() == null ? "" : " " + e.objectId()));
				if (e.orgUnitId() != null) {
					row.createCell(6).setCellValue(e.orgUnitId());
				}
				row.createCell(7).setCellValue(text(e.address()));
				row.createCell(8).setCellValue(text(e.detail()));
				row.createCell(9).setCellValue(text(e.hash()));
			});
			book.write(out);
		} finally {
			book.close();
			book.dispose();
		}
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
