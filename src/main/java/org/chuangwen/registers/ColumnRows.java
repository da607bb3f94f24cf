package org.chuangwen.registers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of a schema as the admin page's form sends them: one table row per column (label, key, type, required,
 * options), the fields repeated in order; a row with neither label nor key is left out. Options are separated by 、.
 */
record ColumnRows(List<String> label, List<String> key, List<String> type, List<String> required, List<String> options) {

	/** Blank rows an administrator can fill in below the existing columns. */
	static final int BLANK_ROWS = 6;

	List<Column> columns() {
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < size(label); i++) {
			String l = at(label, i);
			String k = at(key, i);
			if (l.isEmpty() && k.isEmpty()) {
				continue;
			}
			String o = at(options, i);
			columns.add(new Column(k, l, at(type, i), "true".equals(at(required, i)),
					o.isEmpty() ? List.of() : Arrays.stream(o.split("[、,，]")).map(String::strip).toList()));
		}
		return columns;
	}

	private static int size(List<String> values) {
		return values == null ? 0 : values.size();
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).strip();
	}

	/** The key columns as typed: keys separated by commas or 、. */
	static List<String> keys(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[、,，\\s]+")).filter(k -> !k.isBlank()).toList();
	}

	/** The rows the form shows: the given columns, then blank ones. */
	static List<Column> shown(List<Column> columns) {
		List<Column> shown = new ArrayList<>(columns);
		for (int i = 0; i < BLANK_ROWS; i++) {
			shown.add(new Column("", "", Column.TEXT, false, List.of()));
		}
		return shown;
	}
}
