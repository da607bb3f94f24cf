package org.chuangwen.people;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The household rows; {@link ResidentRows#write} puts residents into them. */
@Repository
class HouseholdRows {

	private final JdbcClient jdbc;
	private final ResidentRows residents;

	HouseholdRows(JdbcClient jdbc, ResidentRows residents) {
		this.jdbc = jdbc;
		this.residents = residents;
	}

	record Row(long id, long buildingId, String orgPath, String unitNo, String roomNo) {}

	Optional<Row> find(long id) {
		return jdbc.sql("select id, building_id, org_path, unit_no, room_no from household where id = :id").param("id", id).query(HouseholdRows::row)
				.optional();
	}

	/** Households with at least one member under {@code path}, whose address or a member matches {@code q}. */
	List<Row> page(String path, String q, int offset, int limit) {
		return residents.where(jdbc.sql("select h.id, h.building_id, h.org_path, h.unit_no, h.room_no from household h where h.id in ("
				+ "select r.household_id from resident r where " + residents.filter(q) + ") order by h.org_path, h.unit_no, h.room_no, h.id"
				+ " offset :offset rows fetch next :limit rows only"), path, q)
				.param("offset", offset)
				.param("limit", limit)
				.query(HouseholdRows::row)
				.list();
	}

	long count(String path, String q) {
		return residents.where(jdbc.sql("select count(distinct r.household_id) from resident r where " + residents.filter(q)), path, q)
				.query(Long.class)
				.single();
	}

	/** The members of these households, each household's in registration order. */
	Map<Long, List<ResidentView>> members(Collection<Long> householdIds) {
		Map<Long, List<ResidentView>> members = new LinkedHashMap<>();
		if (householdIds.isEmpty()) {
			return members;
		}
		jdbc.sql("select " + ResidentRows.COLUMNS + ", r.household_id from resident r where r.household_id in (:ids) order by r.id")
				.param("ids", householdIds)
				.query(rs -> {
					members.computeIfAbsent(rs.getLong("household_id"), k -> new java.util.ArrayList<>()).add(ResidentRows.view(rs, 0));
				});
		return members;
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getLong("id"), rs.getLong("building_id"), rs.getString("org_path"), rs.getString("unit_no"), rs.getString("room_no"));
	}
}
