package org.chuangwen.evidence;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.ListExport;
import org.chuangwen.platform.ListWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * The materials list as XLSX, with the same filters as the list itself: a title row, the filters applied and when it
 * was exported, then one row per material, read 200 at a time and written streaming.
 */
@Component
class MaterialWorkbook {

	private static final int BATCH = 200;
	private static final List<String> COLUMNS = List.of("id", "title", "kind", "date-formed", "responsible-party", "document-number", "unit",
			"indicators", "files", "uploaded-by", "uploaded-at", "late");
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final EvidenceArchive archive;
	private final Orgs orgs;
	private final MessageSource messages;
	private final Clock clock;

	MaterialWorkbook(EvidenceArchive archive, Orgs orgs, MessageSource messages, Clock clock) {
		this.archive = archive;
		this.orgs = orgs;
		this.messages = messages;
		this.clock = clock;
	}

	/** Checks scope and filters now (404/400 as the list answers); the rows are read while writing. */
	ListExport prepare(MaterialQuery query, Locale locale) {
		Page<MaterialRow> first = archive.search(page(query, 0));
		LocalDateTime now = LocalDateTime.now(clock.withZone(MaterialReader.SHANGHAI));
		String title = text("export.materials.title", locale);
		ListWorkbook.Heading heading = new ListWorkbook.Heading(title, filters(query, locale),
				messages.getMessage("export.exported", new Object[] {now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))}, locale));
		List<String> columns = COLUMNS.stream().map(c -> text("export.materials.column." + c, locale)).toList();
		String yes = text("export.yes", locale);
		return new ListExport(title + "-" + STAMP.format(now) + ".xlsx", out -> ListWorkbook.write(out, title, heading, columns, rows -> {
			Page<MaterialRow> batch = first;
			for (int page = 1; ; page++) {
				for (MaterialRow m : batch.getContent()) {
					rows.add(m.id(), m.title(), m.kind(), m.dateFormed(), m.responsibleParty(), m.documentNumber(), m.orgUnitName(),
							String.join(", ", m.indicatorCodes()), m.files().size(), m.uploadedBy(),
							LocalDateTime.ofInstant(m.uploadedAt(), MaterialReader.SHANGHAI), m.late() ? yes : null);
				}
				if (!batch.hasNext()) {
					return;
				}
				batch = archive.search(page(query, page));
			}
		}));
	}

	private String filters(MaterialQuery query, Locale locale) {
		List<String> applied = new ArrayList<>();
		if (query.orgUnitId() != null) {
			applied.add(filter("unit", orgs.find(query.orgUnitId()).map(OrgUnit::name).orElse(""), locale));
		}
		if (query.indicatorCode() != null && !query.indicatorCode().isBlank()) {
			applied.add(filter("indicator", query.indicatorCode().strip(), locale));
		}
		if (query.kind() != null && !query.kind().isBlank()) {
			applied.add(filter("kind", query.kind().strip(), locale));
		}
		if (query.year() != null) {
			applied.add(filter("year", query.year().toString(), locale));
		}
		if (query.keyword() != null && !query.keyword().isBlank()) {
			applied.add(filter("keyword", query.keyword().strip(), locale));
		}
		if (query.recycled()) {
			applied.add(text("export.filter.recycled", locale));
		}
		String list = applied.isEmpty() ? text("export.filters.none", locale) : String.join(";", applied);
		return messages.getMessage("export.filters", new Object[] {list}, locale);
	}

	private String filter(String name, String value, Locale locale) {
		return text("export.filter." + name, locale) + ":" + value;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private static MaterialQuery page(MaterialQuery query, int page) {
		return new MaterialQuery(query.orgUnitId(), query.indicatorCode(), query.kind(), query.year(), query.keyword(), query.recycled(), page, BATCH);
	}
}
