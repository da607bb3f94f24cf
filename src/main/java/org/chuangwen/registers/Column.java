package org.chuangwen.registers;

import java.util.List;
import java.util.Set;

/**
 * One column of a register's schema.
 *
 * @param key the column's name in JSON and in the stored values ({@code [a-z0-9_]})
 * @param label the header in sheets and pages (the column is found by it when a sheet is imported)
 * @param type one of {@link #TYPES}
 * @param options the allowed values of a {@code choice} column, empty for other types
 */
record Column(String key, String label, String type, Boolean required, List<String> options) {

	static final String TEXT = "text";
	static final String NUMBER = "number";
	static final String DATE = "date";
	static final String CHOICE = "choice";
	static final String PERSON = "person";
	static final String PHONE = "phone";
	static final String ID_NUMBER = "id_number";
	static final List<String> TYPES = List.of(TEXT, NUMBER, DATE, CHOICE, PERSON, PHONE, ID_NUMBER);
	private static final Set<String> PERSONAL = Set.of(PHONE, ID_NUMBER);

	Column {
		required = Boolean.TRUE.equals(required); // absent in JSON means optional
		options = options == null ? List.of() : List.copyOf(options);
	}

	/** Stored encrypted, with a keyed hash and a masked form; shown masked everywhere. */
	boolean personal() {
		return PERSONAL.contains(type);
	}

	/** Stored in a form other than its text (ciphertext, or a resident's id and name). */
	boolean structured() {
		return personal() || PERSON.equals(type);
	}
}
