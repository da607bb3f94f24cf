package org.chuangwen.registers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** The rows of every register: written in batches, never changed without their old values going to the history. */
@Component
class RegisterRows {

	private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {};

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	RegisterRows(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** A stored row as it is read back; values of personal columns are the stored maps (ciphertext, hash, masked). */
	record Row(long id, long registerId, long orgUnitId, String orgPath, Map<String, Object> values, int schemaVersion, int version, String recordedBy,
			Instant recordedAt) {}

	/** A row already stored under a key, with what an import compares. */
	record Existing(long id, String fingerprint, String valuesJson) {}

	/** A row to insert ({@code id} null) or to change. */
	record Write(Long id, long registerId, long orgUnitId, String orgPath, RowRules.Checked row, int schemaVersion) {}

	record Change(int version, Map<String, Object> values, String changedBy, Instant changedAt) {}

	Map<String, Existing> existing(long registerId, long orgUnitId, Collection<String> keys) {
		Map<String, Existing> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		jdbc.sql("select id, row_key, fingerprint, values_json from register_row where register_id = :r and org_unit_id = :u and row_key in (:keys)")
				.param("r", registerId)
				.param("u", orgUnitId)
				.param("keys", List.copyOf(keys))
				.query(rs -> {
					found.put(rs.getString(2), new Existing(rs.getLong(1), rs.getString(3), rs.getString(4)));
				});
		return found;
	}

	/** Inserts the new rows and changes the others, their previous values kept in the history, in the caller's transaction. */
	void write(List<Write> writes, String actor, Instant at) {
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> history = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		Timestamp time = Timestamp.from(at);
		for (Write w : writes) {
			String json = SchemaBook.JSON.writeValueAsString(w.row().values());
			if (w.id() == null) {
				inserts.add(new Object[] {w.registerId(), w.orgUnitId(), w.orgPath(), w.row().rowKey(), json, w.row().fingerprint(), w.row().searchText(),
						w.row().lookupHashes(), w.schemaVersion(), actor, time});
			} else {
				history.add(new Object[] {actor, time, w.id()});
				updates.add(new Object[] {w.row().rowKey(), json, w.row().fingerprint(), w.row().searchText(), w.row().lookupHashes(), w.schemaVersion(), actor,
						time, w.id()});
			}
		}
		if (!inserts.isEmpty()) {
			batch.batchUpdate("""
					insert into register_row (register_id, org_unit_id, org_path, row_key, values_json, fingerprint, search_text, lookup_hashes, schema_version,
					  version, recorded_by, recorded_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""", inserts);
		}
		if (!updates.isEmpty()) {
			batch.batchUpdate("""
					insert into register_row_history (row_id, version, values_json, changed_by, changed_at)
					select id, version, values_json, ?, ? from register_row where id = ?""", history);
			batch.batchUpdate("""
					update register_row set row_key = ?, values_json = ?, fingerprint = ?, search_text = ?, lookup_hashes = ?, schema_version = ?,
					  version = version + 1, recorded_by = ?, recorded_at = ?
					where id = ?""", updates);
		}
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select * from register_row where id = :id").param("id", id).query(RegisterRows::row).optional();
	}

	/**
	 * A page of a register's rows at or below {@code path}. {@code q} finds part of any text (lower case) or, exactly, a
	 * phone number or 身份证号 through its keyed hash.
	 */
	List<Row> page(long registerId, String path, String q, String qHash, int offset, int limit) {
		return jdbc.sql("select * from register_row where " + where(q) + " order by org_path, id offset :offset rows fetch next :limit rows only")
				.params(params(registerId, path, q, qHash))
				.param("offset", offset)
				.param("limit", limit)
				.query(RegisterRows::row)
				.list();
	}

	long count(long registerId, String path, String q, String qHash) {
		return jdbc.sql("select count(*) from register_row where " + where(q)).params(params(registerId, path, q, qHash)).query(Long.class).single();
	}

	private static String where(String q) {
		return "register_id = :r and org_path like :path" + (q == null ? "" : " and (search_text like :q or lookup_hashes like :hash)");
	}

	private static Map<String, Object> params(long registerId, String path, String q, String qHash) {
		Map<String, Object> p = new HashMap<>();
		p.put("r", registerId);
		p.put("path", path + "%");
		if (q != null) {
			p.put("q", "%" + q.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			p.put("hash", "%" + qHash + "%");
		}
		return p;
	}

	/** Every row of the register at or below {@code path}, one at a time (for exports and tables of any length). */
	void each(long registerId, String path, Consumer<Row> consumer) {
		jdbc.sql("select * from register_row where register_id = :r and org_path like :path order by org_path, id")
				.param("r", registerId)
				.param("path", path + "%")
				.query(rs -> {
					consumer.accept(row(rs, 0));
				});
	}

	/** The values of every row of a register, with the row's id, for checking a schema change against them. */
	void eachValues(long registerId, Consumer<Map.Entry<Long, Map<String, Object>>> consumer) {
		jdbc.sql("select id, values_json from register_row where register_id = :r order by id").param("r", registerId).query(rs -> {
			consumer.accept(Map.entry(rs.getLong(1), values(rs.getString(2))));
		});
	}

	boolean any(long registerId) {
		return jdbc.sql("select count(*) from register_row where register_id = :r").param("r", registerId).query(Long.class).single() > 0;
	}

	List<Change> history(long rowId) {
		return jdbc.sql("select version, values_json, changed_by, changed_at from register_row_history where row_id = :id order by version")
				.param("id", rowId)
				.query((rs, n) -> new Change(rs.getInt(1), values(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()))
				.list();
	}

	static Map<String, Object> values(String json) {
		return SchemaBook.JSON.readValue(json, VALUES);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("register_id"), rs.getLong("org_unit_id"), rs.getString("org_path"), values(rs.getString("values_json")),
				rs.getInt("schema_version"), rs.getInt("version"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}
}
