package org.chuangwen.people;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.activities.ActivityHeld;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ⅲ-53 on our own rows. A held activity counts when its category is listed in {@code public_good_category} (seeded:
 * 公益活动(种绿护绿), 环保进社区, 慈善捐助 — the kinds Ⅲ-53 names: 种绿、护绿、美化环境、扮美家园); its attendees are
 * kept by phone hash. An activity counts for a community when it was held there, below it, or above it (a street's
 * activity is open to the street's communities).
 */
@Component
class PublicGood {

	private static final String COUNTED = """
			from public_good_attendance a join public_good_activity g on g.activity_id = a.activity_id
			where g.held_on between :from and :to and (g.org_path like :pathPrefix or :path like (g.org_path || '%'))""";

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final Orgs orgs;
	private final PeopleProperties properties;

	PublicGood(JdbcClient jdbc, DataScope scope, Orgs orgs, PeopleProperties properties) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.orgs = orgs;
		this.properties = properties;
	}

	/** Replaces what we keep of the activity: it may be published again, with a changed category or sheet. */
	@EventListener
	void held(ActivityHeld held) {
		jdbc.sql("delete from public_good_attendance where activity_id = :id").param("id", held.activityId()).update();
		jdbc.sql("delete from public_good_activity where activity_id = :id").param("id", held.activityId()).update();
		boolean counts = jdbc.sql("select count(*) from public_good_category where name = :name").param("name", held.category()).query(Long.class)
				.single() > 0;
		if (!counts) {
			return;
		}
		jdbc.sql("""
				insert into public_good_activity (activity_id, org_unit_id, org_path, title, category, held_on)
				values (:id, :unit, :path, :title, :category, :heldOn)""")
				.param("id", held.activityId())
				.param("unit", held.orgUnitId())
				.param("path", held.orgPath())
				.param("title", held.title())
				.param("category", held.category())
				.param("heldOn", Date.valueOf(held.heldOn()))
				.update();
		held.attendees().stream().map(ActivityHeld.Attendee::phoneHash).filter(h -> h != null && !h.isBlank()).distinct()
				.forEach(hash -> jdbc.sql("insert into public_good_attendance (activity_id, phone_hash) values (:id, :hash)")
						.param("id", held.activityId())
						.param("hash", hash)
						.update());
	}

	/** The activity categories that count, for the definition on the page. */
	List<String> categories() {
		return jdbc.sql("select name from public_good_category order by name").query(String.class).list();
	}

	Participation figure(long orgUnitId, LocalDate from, LocalDate to) {
		OrgUnit community = community(orgUnitId);
		checkPeriod(from, to);
		long residents = jdbc.sql("select count(*) from resident where org_path like :pathPrefix").param("pathPrefix", community.path() + "%")
				.query(Long.class).single();
		long participants = params(jdbc.sql("select count(*) from resident r where r.org_path like :pathPrefix and r.phone_hash is not null"
				+ " and exists (select 1 " + COUNTED + " and a.phone_hash = r.phone_hash)"), community, from, to).query(Long.class).single();
		return new Participation(community.id(), community.name(), from, to, residents, participants,
				residents == 0 ? 0 : (double) participants / residents, properties.participationTarget());
	}

	/** Who took part in which activity: the rows behind {@link #figure}. */
	record Row(long residentId, String name, String phone, long activityId, String title, String category, LocalDate heldOn) {}

	List<Row> rows(long orgUnitId, LocalDate from, LocalDate to) {
		OrgUnit community = community(orgUnitId);
		checkPeriod(from, to);
		return params(jdbc.sql("select r.id, r.name, r.phone_masked, g.activity_id, g.title, g.category, g.held_on " + COUNTED.replace("where",
				"join resident r on r.phone_hash = a.phone_hash where r.org_path like :pathPrefix and") + " order by g.held_on, g.activity_id, r.name, r.id"),
				community, from, to)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
						rs.getObject(7, LocalDate.class)))
				.list();
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, OrgUnit community, LocalDate from, LocalDate to) {
		return spec.param("pathPrefix", community.path() + "%").param("path", community.path()).param("from", Date.valueOf(from))
				.param("to", Date.valueOf(to));
	}

	private OrgUnit community(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		return orgs.communityOf(unit).orElseThrow(() -> UserFacingException.badRequest("not_a_community", "people.participation.community", unit.name()));
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw UserFacingException.badRequest("bad_period", "people.participation.period");
		}
	}

}
