package org.chuangwen.activities;

import static org.chuangwen.activities.ActivityFields.local;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An activity as stored and as shown: the row the parts check the caller's scope against, and the activity with its
 * category, indicators, stages, buildings and counts read beside it.
 */
@Component
class ActivityRows {

	record Row(long id, long unitId, String unitName, String path, String title, long categoryId, Instant starts, Instant ends, String place,
			String organizer, Integer expected, String groups, Integer volunteers, String description, String festival, Long issuedPlanId,
			String code, String createdBy) {}

	static final String SELECT = """
			select a.*, u.name as unit_name from activity a join org_unit u on u.id = a.org_unit_id""";

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final DataScope scope;

	ActivityRows(JdbcClient jdbc, Catalog catalog, DataScope scope) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.scope = scope;
	}

	/** An activity in the caller's scope; 404 otherwise. */
	Activity find(long id) {
		Row row = row(id);
		scope.checkRead(row == null ? null : row.path(), row == null ? null : row.unitId(), "activity", id);
		return toActivity(row);
	}

	Row row(long id) {
		return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query(ActivityRows::row).optional().orElse(null);
	}

	/** The row of an activity the caller may write in; 404 or 403 otherwise. */
	Row writable(long id) {
		Row row = row(id);
		scope.checkWrite(row == null ? null : row.path(), row == null ? null : row.unitId(), "activity", id);
		return row;
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("unit_name"), rs.getString("org_path"), rs.getString("title"),
				rs.getLong("category_id"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getString("place"),
				rs.getString("organizer"), (Integer) rs.getObject("expected_participants", Integer.class), rs.getString("target_groups"),
				(Integer) rs.getObject("volunteers_needed", Integer.class), rs.getString("description"), rs.getString("festival"),
				(Long) rs.getObject("issued_plan_id", Long.class), rs.getString("check_in_code"), rs.getString("created_by"));
	}

	Activity toActivity(Row row) {
		ActivityCategory category = jdbc.sql("select * from activity_category where id = :id").param("id", row.categoryId())
				.query(ActivityCategories::category).single();
		List<Indicator> indicators = jdbc.sql("select indicator_id from activity_indicator where activity_id = :a").param("a", row.id())
				.query(Long.class).list().stream().flatMap(i -> catalog.find(i).stream())
				.sorted(java.util.Comparator.comparingInt(Indicator::sort)).toList();
		Map<ActivityStage, List<Long>> byStage = new EnumMap<>(ActivityStage.class);
		jdbc.sql("""
				select s.stage, s.material_id from activity_stage s join material m on m.id = s.material_id
				where s.activity_id = :a and m.deleted_at is null order by s.material_id""")
				.param("a", row.id())
				.query(rs -> {
					byStage.computeIfAbsent(ActivityStage.valueOf(rs.getString(1)), s -> new ArrayList<>()).add(rs.getLong(2));
				});
		List<Activity.Stage> stages = new ArrayList<>();
		for (ActivityStage stage : ActivityStage.values()) {
			stages.add(new Activity.Stage(stage, byStage.getOrDefault(stage, List.of())));
		}
		List<Long> buildings = jdbc.sql("select org_unit_id from activity_building where activity_id = :a order by org_unit_id")
				.param("a", row.id()).query(Long.class).list();
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("""
				select count(signed_up_at) as signed, count(checked_in_at) as checked, count(*) as total
				from activity_participant where activity_id = :a""")
				.param("a", row.id())
				.query(rs -> {
					counts.put("signed", rs.getLong("signed"));
					counts.put("checked", rs.getLong("checked"));
				});
		return new Activity(row.id(), row.unitId(), row.unitName(), row.title(), category, indicators, local(row.starts()), local(row.ends()),
				row.place(), row.organizer(), row.expected(), row.groups(), row.volunteers(), row.description(), row.festival(), row.issuedPlanId(),
				row.code(), row.createdBy(), stages, buildings, counts.getOrDefault("signed", 0L).intValue(),
				counts.getOrDefault("checked", 0L).intValue());
	}
}
