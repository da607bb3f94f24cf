package org.chuangwen.registers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.tables.StatisticsTable;

/**
 * A statistics table read off a register: 序号, then the named columns of each row at or below the unit, then a 合计 row
 * that counts the rows, adds up number columns and counts the 是 of a 是/否 column. Columns are named by key, so an
 * administrator may relabel them; a column the schema no longer has stays blank. The period filters by the register's
 * first date column where it has one; otherwise the table lists every current row.
 */
abstract class RegisterTable implements StatisticsTable {

	private final SchemaBook schemas;
	private final RegisterRows rows;
	private final DataScope scope;

	RegisterTable(SchemaBook schemas, RegisterRows rows, DataScope scope) {
		this.schemas = schemas;
		this.rows = rows;
		this.scope = scope;
	}

	/** The register the table reads; the table's {@link #name()} as well. */
	abstract String register();

	/** The column keys shown, in order. */
	abstract List<String> columns();

	/** The header of a column the register does not have (any more). */
	abstract String fallbackLabel(String key);

	@Override
	public String name() {
		return register();
	}

	@Override
	public Table compute(long orgUnitId, LocalDate from, LocalDate to) {
		OrgUnit unit = scope.readable(orgUnitId);
		Optional<Schema> found = schemas.find(register());
		List<Optional<Column>> shown = columns().stream().map(k -> found.flatMap(s -> s.column(k))).toList();
		List<String> headers = new ArrayList<>(List.of("序号"));
		for (int i = 0; i < shown.size(); i++) {
			String key = columns().get(i);
			headers.add(shown.get(i).map(Column::label).orElseGet(() -> fallbackLabel(key)));
		}
		List<List<Object>> lines = new ArrayList<>();
		BigDecimal[] sums = new BigDecimal[shown.size()];
		int[] yes = new int[shown.size()];
		if (found.isPresent()) {
			Schema schema = found.get();
			Optional<Column> dated = schema.dateColumn();
			rows.each(schema.id(), unit.path(), row -> {
				if (dated.isPresent()) {
					LocalDate on = RowRules.date(String.valueOf(row.values().get(dated.get().key())));
					if (on == null || on.isBefore(from) || on.isAfter(to)) {
						return;
					}
				}
				List<Object> line = new ArrayList<>();
				line.add(lines.size() + 1);
				for (int i = 0; i < shown.size(); i++) {
					Column c = shown.get(i).orElse(null);
					Object value = c == null ? null : row.values().get(c.key());
					if (c != null && value != null && Column.NUMBER.equals(c.type())) {
						BigDecimal n = new BigDecimal(value.toString());
						sums[i] = sums[i] == null ? n : sums[i].add(n);
						line.add(n);
					} else {
						if (c != null && "是".equals(value) && c.options().contains("否")) {
							yes[i]++;
						}
						line.add(RowRules.display(value));
					}
				}
				lines.add(line);
			});
		}
		List<Object> totals = new ArrayList<>(List.of("合计"));
		for (int i = 0; i < shown.size(); i++) {
			Column c = shown.get(i).orElse(null);
			if (i == 0) {
				totals.add(lines.size());
			} else if (c != null && Column.NUMBER.equals(c.type())) {
				totals.add(sums[i] == null ? BigDecimal.ZERO : sums[i]);
			} else if (c != null && c.options().contains("是") && c.options().contains("否")) {
				totals.add(yes[i]);
			} else {
				totals.add("");
			}
		}
		return new Table(headers, lines, totals);
	}
}
