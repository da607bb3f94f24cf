package org.chuangwen.activities;

import static org.chuangwen.activities.ActivityFields.required;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The categories of activities an administrator keeps, each naming the indicators its activities serve by default. */
@Component
class ActivityCategories {

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final DataScope scope;
	private final AuditLog audit;

	ActivityCategories(JdbcClient jdbc, Catalog catalog, DataScope scope, AuditLog audit) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.scope = scope;
		this.audit = audit;
	}

	List<ActivityCategory> categories() {
		return jdbc.sql("select * from activity_category where active = true order by sort, id").query(ActivityCategories::category).list();
	}

	ActivityCategory category(String name) {
		return jdbc.sql("select * from activity_category where name = :name and active = true")
				.param("name", name == null ? "" : name.strip())
				.query(ActivityCategories::category)
				.optional()
				.orElseThrow(() -> UserFacingException.badRequest("unknown_category", "error.activity.category", name));
	}

	List<ActivityCategory> allCategories() {
		return jdbc.sql("select * from activity_category order by sort, id").query(ActivityCategories::category).list();
	}

	@Transactional
	ActivityCategory saveCategory(Long id, String name, String group, List<String> indicatorCodes, String outreach, int sort, boolean active) {
		scope.requireAdmin("activity_category", id);
		String cleanName = required(name, 50, "error.category.name");
		String cleanGroup = required(group, 50, "error.category.group");
		String codes = String.join(",", catalog.resolveAll(indicatorCodes).stream().map(Indicator::code).toList());
		String kind = Text.blankToNull(outreach);
		if (kind != null && !OutreachCoverage.KINDS.contains(kind)) {
			throw UserFacingException.badRequest("invalid_outreach", "error.category.outreach", kind);
		}
		boolean taken = jdbc.sql("select count(*) from activity_category where name = :n and (cast(:id as bigint) is null or id <> :id)")
				.param("n", cleanName).param("id", id).query(Long.class).single() > 0;
		if (taken) {
			throw UserFacingException.conflict("duplicate_category", "error.category.duplicate", cleanName);
		}
		if (id == null) {
			jdbc.sql("insert into activity_category (name, group_name, indicator_codes, outreach, sort, active) values (:n, :g, :c, :o, :s, :a)")
					.param("n", cleanName).param("g", cleanGroup).param("c", codes).param("o", kind).param("s", sort).param("a", active).update();
		} else if (jdbc.sql("update activity_category set name = :n, group_name = :g, indicator_codes = :c, outreach = :o, sort = :s, active = :a where id = :id")
				.param("n", cleanName).param("g", cleanGroup).param("c", codes).param("o", kind).param("s", sort).param("a", active).param("id", id)
				.update() == 0) {
			throw UserFacingException.notFound("error.scope.not-found");
		}
		audit.record("CATEGORY_SAVED", "activity_category", id, null, cleanName + " " + codes);
		return jdbc.sql("select * from activity_category where name = :n").param("n", cleanName).query(ActivityCategories::category).single();
	}

	List<Indicator> indicatorsOf(ActivityCategory category) {
		return category.indicatorCodes().stream().flatMap(code -> catalog.find(code).stream()).toList();
	}

	static ActivityCategory category(ResultSet rs, int n) throws SQLException {
		String codes = rs.getString("indicator_codes");
		return new ActivityCategory(rs.getLong("id"), rs.getString("name"), rs.getString("group_name"),
				codes == null || codes.isBlank() ? List.of() : List.of(codes.split(",")), rs.getString("outreach"), rs.getInt("sort"),
				rs.getBoolean("active"));
	}
}
