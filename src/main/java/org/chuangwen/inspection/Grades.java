package org.chuangwen.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.CurrentUser;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Role;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Grades per community and indicator, appended: the inspector (or a street office holding a mock inspection) grades as
 * {@code INSPECTOR}, the community's own workers as {@code SELF}. An inspector writes nothing else.
 */
@Component
class Grades {

	static final int COMMENT_LIMIT = 1000;

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final Catalog catalog;
	private final AuditLog audit;
	private final Clock clock;

	Grades(JdbcClient jdbc, DataScope scope, Catalog catalog, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a grade with its comment; the earlier grade stays in the history.
	 *
	 * @throws UserFacingException 404 for a unit outside the scope, 400 {@code not_a_community}, {@code unknown_indicator},
	 *     {@code invalid_grade}, {@code invalid_comment}; 403 when the caller may not grade as {@code source}
	 */
	Grade record(long orgUnitId, String indicatorCode, String source, String grade, String comment) {
		OrgUnit unit = community(orgUnitId);
		if (Grade.SELF.equals(source)) {
			scope.writable(unit.id());
		} else {
			requireInspector(unit);
		}
		Indicator indicator = catalog.resolve(indicatorCode);
		if (grade == null || !Grade.GRADES.contains(grade.strip())) {
			throw UserFacingException.badRequest("invalid_grade", "error.inspection.grade");
		}
		String text = Text.blankToNull(comment);
		if (text != null && text.length() > COMMENT_LIMIT) {
			throw UserFacingException.badRequest("invalid_comment", "error.inspection.comment", COMMENT_LIMIT);
		}
		if (text != null) {
			Text.check("comment", text, true);
		}
		Grade recorded = new Grade(unit.id(), indicator.code(), source, grade.strip(), text == null ? null : text.strip(), scope.user().username(),
				clock.instant());
		jdbc.sql("""
				insert into inspection_grade (org_unit_id, org_path, indicator_code, source, grade, grade_comment, graded_by, graded_at)
				values (:u, :p, :i, :s, :g, :c, :by, :at)""")
				.param("u", unit.id()).param("p", unit.path()).param("i", recorded.indicatorCode()).param("s", source).param("g", recorded.grade())
				.param("c", recorded.comment()).param("by", recorded.gradedBy()).param("at", Timestamp.from(recorded.gradedAt())).update();
		audit.record("INSPECTION_GRADED", "org_unit", unit.id(), unit.id(), source + " " + recorded.indicatorCode() + " " + recorded.grade());
		return recorded;
	}

	/** The current grade per indicator code from {@code source} for a community already checked for scope. */
	Map<String, Grade> current(long orgUnitId, String source) {
		Map<String, Grade> current = new LinkedHashMap<>();
		all(orgUnitId, source).forEach(g -> current.put(g.indicatorCode(), g));
		return current;
	}

	/** Every grade of a community from {@code source}, oldest first. */
	List<Grade> all(long orgUnitId, String source) {
		return jdbc.sql("""
				select org_unit_id, indicator_code, source, grade, grade_comment, graded_by, graded_at from inspection_grade
				where org_unit_id = :u and source = :s order by id""")
				.param("u", orgUnitId).param("s", source)
				.query((rs, n) -> new Grade(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
						rs.getTimestamp(7).toInstant()))
				.list();
	}

	/** A community in the caller's scope; 404 outside it, 400 for a unit of another level. */
	OrgUnit community(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		if (unit.kind() != OrgKind.COMMUNITY) {
			throw UserFacingException.badRequest("not_a_community", "error.inspection.not-a-community", unit.name());
		}
		return unit;
	}

	/** The inspector, or a street office inspecting its communities; nobody else writes inspection rows. */
	void requireInspector(OrgUnit unit) {
		CurrentUser me = scope.user();
		if (!me.has(Role.INSPECTOR) && !me.has(Role.STREET)) {
			audit.record("DENIED", "org_unit", unit.id(), unit.id(), "inspection by a role that does not inspect");
			throw UserFacingException.forbidden("error.inspection.inspectors-only");
		}
	}

	static boolean inspects(CurrentUser me) {
		return me.has(Role.INSPECTOR) || me.has(Role.STREET);
	}
}
