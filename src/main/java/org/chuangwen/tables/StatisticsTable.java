package org.chuangwen.tables;

import java.time.LocalDate;
import java.util.List;

/**
 * A statistics table (统计表) that a module computes from its own rows, never typed. Each module that keeps such a
 * ledger offers its table as a Spring bean implementing this interface; the tables module lists them, writes them as
 * XLSX in the form an inspector expects and files them, as materials of the evidence kind {@link #title()}, into every
 * box whose indicator asks for that kind.
 */
public interface StatisticsTable {

	/** The table's name in URLs, e.g. {@code volunteers}: lower case letters and hyphens. */
	String name();

	/** The table's title, which is also the evidence kind the catalog asks for, e.g. 志愿者统计表. */
	String title();

	/**
	 * The table of a unit in the caller's scope over a period (both days included).
	 *
	 * @throws org.chuangwen.platform.UserFacingException 404 for a unit outside the caller's scope
	 */
	Table compute(long orgUnitId, LocalDate from, LocalDate to);

	/** Column headers, the rows (cells are strings or numbers) and the totals row (blank where nothing adds up). */
	record Table(List<String> columns, List<List<Object>> rows, List<Object> totals) {

		public Table {
			columns = List.copyOf(columns);
			rows = rows.stream().map(java.util.Collections::unmodifiableList).toList();
			totals = java.util.Collections.unmodifiableList(totals);
		}
	}
}
