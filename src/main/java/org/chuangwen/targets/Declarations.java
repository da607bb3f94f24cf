package org.chuangwen.targets;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Declared values on their own append-only rows: a new declaration never replaces an earlier one, the newest per unit
 * and target is the current value and the rest is its history.
 */
@Component
class Declarations {

	record Declaration(long id, String targetKey, long orgUnitId, BigDecimal value, long materialId, String declaredBy, Instant declaredAt) {}

	private final JdbcClient jdbc;

	Declarations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Declaration add(String key, long orgUnitId, String orgPath, BigDecimal value, long materialId, String by, Instant at) {
		var id = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into target_declaration (target_key, org_unit_id, org_path, declared_value, material_id, declared_by, declared_at)
				values (:key, :unit, :path, :value, :materialId, :by, :at)""")
				.param("key", key).param("unit", orgUnitId).param("path", orgPath).param("value", value).param("materialId", materialId)
				.param("by", by).param("at", Timestamp.from(at))
				.update(id, "id");
		return new Declaration(id.getKey().longValue(), key, orgUnitId, value, materialId, by, at);
	}

	/** The current declaration of each target of the unit, by target key. */
	Map<String, Declaration> current(long orgUnitId) {
		Map<String, Declaration> current = new LinkedHashMap<>();
		jdbc.sql("select * from target_declaration where org_unit_id = :unit order by id").param("unit", orgUnitId).query(Declarations::row).list()
				.forEach(d -> current.put(d.targetKey(), d));
		return current;
	}

	/** Every declaration of one target in the unit, newest first. */
	List<Declaration> history(String key, long orgUnitId) {
		return jdbc.sql("select * from target_declaration where org_unit_id = :unit and target_key = :key order by id desc")
				.param("unit", orgUnitId).param("key", key).query(Declarations::row).list();
	}

	private static Declaration row(ResultSet rs, int n) throws SQLException {
		return new Declaration(rs.getLong("id"), rs.getString("target_key"), rs.getLong("org_unit_id"), rs.getBigDecimal("declared_value").setScale(1, java.math.RoundingMode.HALF_UP),
				rs.getLong("material_id"), rs.getString("declared_by"), rs.getTimestamp("declared_at").toInstant());
	}
}
