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
import java.util.Set;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
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

	static final String SELECT = "select a.* from activity a";

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final DataScope scope;
	private final Orgs orgs;
	private final EvidenceArchive evidence;

	ActivityRows(JdbcClient jdbc, Catalog catalog, DataScope scope, Orgs orgs, EvidenceArchive evidence) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.scope = scope;
		this.orgs = orgs;
		this.evidence = evidence;
	}

	/** An activity in the caller's scope; 404 otherwise. */
	Activity find(long id) {
		Row row = row(id);
		scope.checkRead(row == null ? null : row.path(), row == null ? null : row.unitId(), "activity", id);
		return toActivity(row);
	}

	Row row(long id) {
		return rows(jdbc.sql(SELECT + " where a.id = :id").param("id", id)).stream().findFirst().orElse(null);
	}

	/**
	 * The rows a statement on {@link #SELECT} finds, with their units' names. The names are asked of the org tree in
	 * one query for all rows: the {@code org_unit} table is orgs', not ours to join.
	 */
	List<Row> rows(JdbcClient.StatementSpec statement) {
		List<Row> found = statement.query(ActivityRows::row).list();
		Map<Long, OrgUnit> units = orgs.units(found.stream().map(Row::unitId).toList());
		return found.stream().map(r -> {
			OrgUnit unit = units.get(r.unitId());
			return new Row(r.id(), r.unitId(), unit == null ? null : unit.name(), r.path(), r.title(), r.categoryId(), r.starts(), r.ends(),
					r.place(), r.organizer(), r.expected(), r.groups(), r.volunteers(), r.description(), r.festival(), r.issuedPlanId(), r.code(),
					r.createdBy());
		}).toList();
	}

	/** The row of an activity the caller may write in; 404 or 403 otherwise. */
	Row writable(long id) {
		Row row = row(id);
		scope.checkWrite(row == null ? null : row.path(), row == null ? null : row.unitId(), "activity", id);
		return row;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("org_unit_id"), null, rs.getString("org_path"), rs.getString("title"),
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
		record Filed(ActivityStage stage, long material) {}
		List<Filed> filed = jdbc.sql("select stage, material_id from activity_stage where activity_id = :a order by material_id")
				.param("a", row.id())
				.query((rs, n) -> new Filed(ActivityStage.valueOf(rs.getString(1)), rs.getLong(2)))
				.list();
		// a stage shows only the material still in the archive (not in the recycle bin): evidence answers that for the
		// whole set at once, as the join on its material table did before
		Set<Long> live = evidence.live(filed.stream().map(Filed::material).toList());
		for (Filed f : filed) {
			if (live.contains(f.material())) {
				byStage.computeIfAbsent(f.stage(), s -> new ArrayList<>()).add(f.material());
			}
		}
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
