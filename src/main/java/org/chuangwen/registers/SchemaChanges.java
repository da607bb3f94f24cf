package org.chuangwen.registers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.platform.UserFacingException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Whether a new schema version can read the rows already stored. Adding and dropping columns always can (a dropped
 * column's values stay on the rows). A changed type or narrower options can only when every stored value still fits;
 * otherwise the change is refused, naming the column, how many rows do not fit and, unless it is personal data, one value.
 */
@Component
class SchemaChanges {

	private final RegisterRows rows;

	SchemaChanges(RegisterRows rows) {
		this.rows = rows;
	}

	/** @throws UserFacingException 409 {@code incompatible_change} */
	void check(Schema current, SchemaBook.Definition next) {
		if (!rows.any(current.id())) {
			return;
		}
		if (!current.keyColumns().equals(next.keyColumns())) {
			// rows are found again by their key columns: other keys would turn every re-import into new rows
			throw incompatible("registers.schema.key-change");
		}
		for (Column column : next.columns()) {
			Optional<Column> before = current.column(column.key());
			if (before.isEmpty() || (before.get().type().equals(column.type()) && column.options().containsAll(before.get().options()))) {
				continue;
			}
			check(current, before.get(), column);
		}
	}

	private void check(Schema current, Column before, Column after) {
		// a check against the new type only: persons and personal data are not looked up again here
		RowRules rules = new RowRules(new Schema(current.id(), current.name(), current.title(), current.version(), List.of(after), List.of(), Map.of()), "",
				id -> Optional.empty(), null);
		int[] misfits = {0};
		String[] example = {null};
		boolean structured = before.structured() || after.structured();
		rows.eachValues(current.id(), row -> {
			Object value = row.getValue().get(after.key());
			if (value == null || value.toString().isEmpty()) {
				return;
			}
			if (structured && !before.type().equals(after.type())) {
				misfits[0]++;
				return;
			}
			if (!after.type().equals(Column.TEXT) && rules.value(after, value.toString()) instanceof DefaultMessageSourceResolvable) {
				misfits[0]++;
				if (example[0] == null) {
					example[0] = value.toString();
				}
			}
		});
		if (misfits[0] == 0) {
			return;
		}
		if (structured) {
			throw incompatible("registers.schema.type-structured", after.label(), misfits[0]);
		}
		throw incompatible("registers.schema.type-misfit", after.label(), misfits[0], example[0]);
	}

	private static UserFacingException incompatible(String key, Object... args) {
		return UserFacingException.conflict("incompatible_change", key, args);
	}
}
