package org.chuangwen.tables;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Service;

/**
 * The tables module's facade: lists the {@link StatisticsTable} beans other modules offer, writes one as XLSX for a unit
 * and period, and files it as a material of the kind named by its title into every indicator that asks for that kind.
 */
@Service
class Tables {

	private final List<StatisticsTable> tables;
	private final DataScope scope;
	private final EvidenceArchive archive;
	private final Catalog catalog;
	private final Clock clock;

	Tables(List<StatisticsTable> tables, DataScope scope, EvidenceArchive archive, Catalog catalog, Clock clock) {
		this.tables = tables.stream().sorted(Comparator.comparing(StatisticsTable::name)).toList();
		this.scope = scope;
		this.archive = archive;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A table computed and written out: the file name (without extension) and the XLSX. */
	record Written(String title, byte[] xlsx) {}

	/** A period of whole days, both included. */
	record Period(LocalDate from, LocalDate to) {

		/** Parses {@code yyyy-MM-dd} twice; missing, malformed or reversed answers 400 {@code bad_period}. */
		static Period of(String from, String to) {
			try {
				LocalDate start = LocalDate.parse(from == null ? "" : from.strip());
				LocalDate end = LocalDate.parse(to == null ? "" : to.strip());
				if (end.isBefore(start) || start.getYear() < 1990 || end.getYear() > 2100) {
					throw bad();
				}
				return new Period(start, end);
			} catch (DateTimeParseException e) {
				throw bad();
			}
		}

		private static UserFacingException bad() {
			return UserFacingException.badRequest("bad_period", "error.tables.period");
		}
	}

	List<StatisticsTable> all() {
		return tables;
	}

	/** The table by its name; 404 for a name no module offers. */
	StatisticsTable table(String name) {
		return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> UserFacingException.notFound("error.tables.unknown"));
	}

	/** Computes and writes a table of a unit in the caller's scope (404 otherwise). */
	Written write(String name, long orgUnitId, Period period) {
		StatisticsTable table = table(name);
		OrgUnit unit = scope.readable(orgUnitId);
		StatisticsTable.Table rows = table.compute(unit.id(), period.from(), period.to());
		// 和平社区 + 社区捐助统计表 reads 和平社区捐助统计表, not 和平社区社区捐助统计表
		String filer = unit.name().endsWith("社区") && table.title().startsWith("社区") ? unit.name().substring(0, unit.name().length() - 2) : unit.name();
		String title = filer + table.title() + "(" + period.from() + "至" + period.to() + ")";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			TableWorkbook.write(out, table.title(), unit.name(), period.from(), period.to(), rows, scope.user().displayName(),
					LocalDate.now(clock.withZone(Zones.SHANGHAI)));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Written(title, out.toByteArray());
	}

	/**
	 * Files the table as a material of the kind {@code title()}, dated the period's end, into every indicator of the
	 * active edition whose evidence kinds include it. A newer period is a new material; the earlier ones stay.
	 */
	MaterialDetails file(String name, long orgUnitId, Period period) {
		StatisticsTable table = table(name);
		scope.writable(orgUnitId);
		Written written = write(name, orgUnitId, period);
		List<String> codes = catalog.indicators().stream().filter(i -> i.evidenceKinds().contains(table.title())).map(Indicator::code).toList();
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		// a period that is not over yet is filed as of today: the archive accepts no material formed in the future
		LocalDate dated = period.to().isAfter(today) ? today : period.to();
		return archive.file(new NewMaterial(orgUnitId, table.title(), written.title(), dated, null, codes),
				List.of(new Upload(written.title() + ".xlsx", written.xlsx().length, new ByteArrayResource(written.xlsx()))));
	}
}
