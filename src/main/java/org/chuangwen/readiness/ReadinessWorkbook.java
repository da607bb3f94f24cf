package org.chuangwen.readiness;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chuangwen.platform.ListExport;
import org.chuangwen.platform.ListWorkbook;
import org.chuangwen.platform.Percent;
import org.chuangwen.platform.Zones;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The readiness page as a workbook, for a street official who compares communities in Excel: above the community
 * level the ranking with each community's completeness per box (the page's matrix); for a community its boxes with
 * what each lacks.
 */
@Component
class ReadinessWorkbook {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd");
	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Readiness readiness;
	private final MessageSource messages;
	private final Clock clock;

	ReadinessWorkbook(Readiness readiness, MessageSource messages, Clock clock) {
		this.readiness = readiness;
		this.messages = messages;
		this.clock = clock;
	}

	/** The readiness of a unit in the caller's scope (the caller's own when null); 404 outside it. */
	ListExport of(Long unitId, Locale locale) {
		UnitReadiness r = readiness.ofUnitOrOwn(unitId);
		String title = text("readiness.export.title", locale, r.unit().name());
		LocalDateTime now = LocalDateTime.now(clock.withZone(Zones.SHANGHAI));
		ListWorkbook.Heading heading = new ListWorkbook.Heading(title,
				text("readiness.export.overall", locale, r.percent(), r.scoreTenth(), r.grade()), text("export.exported", locale, SHOWN.format(now)));
		List<String> columns = new ArrayList<>();
		ListWorkbook.Body body;
		if (r.aggregate()) {
			for (String key : List.of("rank", "community", "completeness", "score", "grade", "score-rank", "complete-boxes")) {
				columns.add(text("readiness.export.column." + key, locale));
			}
			r.indicators().forEach(i -> columns.add(i.indicator().code()));
			body = rows -> {
				for (CommunityScore s : r.communities()) {
					List<Object> cells = new ArrayList<>(List.of(s.rank(), s.community().name(), s.percent(), Grading.tenth(s.score()), s.grade(),
							s.scoreRank(), s.completeBoxes()));
					s.byIndicator().forEach(c -> cells.add(Percent.of(c)));
					rows.add(cells.toArray());
				}
			};
		} else {
			for (String key : List.of("code", "indicator", "completeness", "score", "grade", "missing")) {
				columns.add(text("readiness.export.column." + key, locale));
			}
			body = rows -> {
				for (IndicatorReadiness i : r.indicators()) {
					rows.add(i.indicator().code(), i.indicator().title(), i.percent(false), Grading.tenth(i.score()), i.grade(),
							String.join("、", i.missingKinds()));
				}
			};
		}
		ListWorkbook.Body rowsOf = body;
		// Excel refuses sheet names over 31 characters or with []:*?/\ in them
		String name = r.unit().name().replaceAll("[\\[\\]:*?/\\\\]", "_");
		String sheet = name.length() > 31 ? name.substring(0, 31) : name;
		return new ListExport(title + "-" + STAMP.format(now) + ".xlsx", out -> ListWorkbook.write(out, sheet, heading, columns, rowsOf));
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}
}
