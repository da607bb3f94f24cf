package org.chuangwen.registers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schemas and their versions. A change never edits a version: it adds the next one, so that every row can still be
 * read with the columns it was written under, and a column dropped later is still known by its label.
 */
@Component
class SchemaBook {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int MAX_COLUMNS = 60;

	private final JdbcClient jdbc;

	SchemaBook(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What an administrator sends: the whole schema, also for a change. */
	record Definition(String name, String title, List<Column> columns, List<String> keyColumns) {}

	List<Schema> all() {
		return jdbc.sql("select * from register_schema order by id").query(this::schema).list();
	}

	Optional<Schema> find(String name) {
		return jdbc.sql("select * from register_schema where name = :name").param("name", name == null ? "" : name).query(this::schema).optional();
	}

	/**
	 * Checks a definition before anything is stored.
	 *
	 * @throws UserFacingException {@code 400 invalid_register} naming what is wrong
	 */
	static Definition checked(Definition d) {
		if (d == null) {
			throw invalid("registers.schema.missing");
		}
		String name = d.name() == null ? "" : d.name().strip();
		if (!name.matches("[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?")) {
			throw invalid("registers.schema.name");
		}
		String title = Text.check("title", Text.blankToNull(d.title()), false);
		if (title == null || title.length() > 100) {
			throw invalid("registers.schema.title");
		}
		if (d.columns() == null || d.columns().isEmpty() || d.columns().size() > MAX_COLUMNS) {
			throw invalid("registers.schema.columns", MAX_COLUMNS);
		}
		List<Column> columns = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		Set<String> labels = new HashSet<>();
		for (Column c : d.columns()) {
			String key = c == null || c.key() == null ? "" : c.key().strip();
			if (!key.matches("[a-z0-9_]{1,40}")) {
				throw invalid("registers.schema.key", key);
			}
			String label = c.label() == null ? "" : Text.check("label", c.label().strip(), false);
			if (label.isEmpty() || label.length() > 50 || label.equals(Sheets.REASON)) {
				throw invalid("registers.schema.label", key);
			}
			if (!keys.add(key) || !labels.add(label)) {
				throw invalid("registers.schema.twice", label);
			}
			String type = c.type() == null ? "" : c.type().strip().toLowerCase(java.util.Locale.ROOT);
			if (!Column.TYPES.contains(type)) {
				throw invalid("registers.schema.type", label, String.join(", ", Column.TYPES));
			}
			List<String> options = c.options().stream().map(o -> o == null ? "" : Text.check("options", o.strip(), false)).toList();
			if (Column.CHOICE.equals(type) && (options.isEmpty() || options.stream().anyMatch(o -> o.isEmpty() || o.length() > 50)
					|| new HashSet<>(options).size() != options.size())) {
				throw invalid("registers.schema.options", label);
			}
			columns.add(new Column(key, label, type, c.required(), Column.CHOICE.equals(type) ? options : List.of()));
		}
		List<String> keyColumns = d.keyColumns() == null ? List.of() : d.keyColumns().stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().toList();
		for (String k : keyColumns) {
			if (!keys.contains(k)) {
				throw invalid("registers.schema.key-column", k);
			}
		}
		return new Definition(name, title, columns, keyColumns);
	}

	static UserFacingException invalid(String key, Object... args) {
		return UserFacingException.badRequest("invalid_register", key, args);
	}

	/** Stores the first version; a taken name answers {@code 409 duplicate_register}. */
	long insert(Definition d, String actor, Instant at) {
		if (find(d.name()).isPresent()) {
			throw duplicate(d.name());
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into register_schema (name, title, version, columns_json, key_columns, defined_by, defined_at)
				values (:name, :title, 1, :columns, :keys, :by, :at)""")
				.param("name", d.name())
				.param("title", d.title())
				.param("columns", JSON.writeValueAsString(d.columns()))
				.param("keys", String.join(",", d.keyColumns()))
				.param("by", actor)
				.param("at", Timestamp.from(at))
				.update(key, "id");
		long id = key.getKey().longValue();
		version(id, 1, d, actor, at);
		return id;
	}

	static UserFacingException duplicate(String name) {
		return UserFacingException.conflict("duplicate_register", "registers.schema.duplicate", name);
	}

	/** Adds the next version of {@code current}. */
	void change(Schema current, Definition d, String actor, Instant at) {
		int next = current.version() + 1;
		int changed = jdbc.sql("""
				update register_schema set title = :title, version = :next, columns_json = :columns, key_columns = :keys, defined_by = :by, defined_at = :at
				where id = :id and version = :version""")
				.param("title", d.title())
				.param("next", next)
				.param("columns", JSON.writeValueAsString(d.columns()))
				.param("keys", String.join(",", d.keyColumns()))
				.param("by", actor)
				.param("at", Timestamp.from(at))
				.param("id", current.id())
				.param("version", current.version())
				.update();
		if (changed != 1) {
			// another administrator changed it in between: theirs stays, this one is refused
			throw UserFacingException.conflict("stale_register", "registers.schema.stale");
		}
		version(current.id(), next, d, actor, at);
	}

	private void version(long id, int version, Definition d, String actor, Instant at) {
		jdbc.sql("""
				insert into register_schema_version (register_id, version, title, columns_json, key_columns, defined_by, defined_at)
				values (:id, :version, :title, :columns, :keys, :by, :at)""")
				.param("id", id)
				.param("version", version)
				.param("title", d.title())
				.param("columns", JSON.writeValueAsString(d.columns()))
				.param("keys", String.join(",", d.keyColumns()))
				.param("by", actor)
				.param("at", Timestamp.from(at))
				.update();
	}

	private Schema schema(ResultSet rs, int n) throws SQLException {
		long id = rs.getLong("id");
		List<Column> columns = columns(rs.getString("columns_json"));
		String keys = rs.getString("key_columns");
		Set<String> current = new HashSet<>(columns.stream().map(Column::key).toList());
		Map<String, String> retired = new LinkedHashMap<>();
		for (String json : jdbc.sql("select columns_json from register_schema_version where register_id = :id order by version desc")
				.param("id", id).query(String.class).list()) {
			for (Column c : columns(json)) {
				if (!current.contains(c.key())) {
					retired.putIfAbsent(c.key(), c.label());
				}
			}
		}
		return new Schema(id, rs.getString("name"), rs.getString("title"), rs.getInt("version"), columns,
				keys == null || keys.isBlank() ? List.of() : Arrays.asList(keys.split(",")), retired);
	}

	static List<Column> columns(String json) {
		return JSON.readValue(json, new TypeReference<List<Column>>() {});
	}
}
