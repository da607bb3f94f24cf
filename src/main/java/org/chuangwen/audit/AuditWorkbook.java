package org.chuangwen.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.chuangwen.platform.ListWorkbook;
import org.chuangwen.platform.Zones;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The audit log of a date range as XLSX, written row by row ({@link ListWorkbook}), so a range of millions of entries
 * needs no more heap than ten.
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
		List<String> columns = COLUMNS.stream().map(c -> messages.getMessage("audit.export.column." + c, null, c, locale)).toList();
		ListWorkbook.write(out, messages.getMessage("audit.export.sheet", null, "audit", locale), null, columns, rows ->
				chain.forEachBetween(from.atStartOfDay(BEIJING).toInstant(), to.plusDays(1).atStartOfDay(BEIJING).toInstant(), e ->
						rows.add(e.id(), TIME.format(e.occurredAt()), text(e.actor()), messages.getMessage("audit.action." + e.action(), null,
								e.action(), locale), e.action(), text(e.objectType()) + (e.objectId() == null ? "" : " " + e.objectId()),
								e.orgUnitId(), text(e.address()), text(e.detail()), text(e.hash()))));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
