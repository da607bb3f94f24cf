package org.chuangwen.registers;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A register at its current schema version.
 *
 * @param keyColumns the columns that identify a row within a unit (an import updates the row with the same values in
 *        them); empty when a row is identified by all its values
 * @param retired the columns of earlier versions that this one no longer has (key → label): their values stay on the
 *        rows and are shown as 已停用列
 */
record Schema(long id, String name, String title, int version, List<Column> columns, List<String> keyColumns, Map<String, String> retired) {

	Optional<Column> column(String key) {
		return columns.stream().filter(c -> c.key().equals(key)).findFirst();
	}

	/** The first date column, by which a statistics table's period filters; empty when there is none. */
	Optional<Column> dateColumn() {
		return columns.stream().filter(c -> Column.DATE.equals(c.type())).findFirst();
	}
}
