package org.chuangwen.courtyards;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The 文明楼院 award of a building for a year: awarded on a date, revoked with a reason by a row of its own, so the
 * history shows both. A building holds at most one award per year that is not revoked.
 */
@Component
class CourtyardAwards {

	/** An award; the revocation fields are null while it stands. */
	record Award(long id, long buildingId, int year, LocalDate awardedOn, String awardedBy, Instant recordedAt, LocalDate revokedOn, String reason,
			String revokedBy) {

		boolean standing() {
			return revokedOn == null;
		}
	}

	private static final String SELECT = "select a.id, a.building_id, a.award_year, a.awarded_on, a.awarded_by, a.recorded_at, r.revoked_on, r.reason,"
			+ " r.revoked_by from courtyard_award a left join courtyard_award_revocation r on r.award_id = a.id";

	private final JdbcClient jdbc;
	private final Buildings buildings;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final Clock clock;

	CourtyardAwards(JdbcClient jdbc, Buildings buildings, WriteTransactions transactions, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.buildings = buildings;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * CourtyardAwards the building 文明楼院 for {@code year} on {@code awardedOn} (today when null).
	 *
	 * @throws UserFacingException 404 outside the scope, 400 {@code invalid_date} for a year or day out of range, 409
	 *     {@code already_awarded} when a standing award for the year exists
	 */
	Award award(long buildingId, Integer year, LocalDate awardedOn) {
		OrgUnit building = buildings.writable(buildingId);
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		LocalDate day = awardedOn == null ? today : awardedOn;
		int awardYear = year == null ? day.getYear() : year;
		if (day.isAfter(today) || day.getYear() < 1990 || awardYear < 1990 || awardYear > today.getYear() + 1) {
			throw UserFacingException.badRequest("invalid_date", "error.courtyard.award-date");
		}
		long id = transactions.run(() -> {
			// checked, not constrained: awards are typed by hand, a rare concurrent twin would show in the history and can be revoked
			List<Award> sameYear = jdbc.sql(SELECT + " where a.building_id = :b and a.award_year = :y").param("b", building.id()).param("y", awardYear)
					.query(CourtyardAwards::row).list();
			if (sameYear.stream().anyMatch(Award::standing)) {
				throw UserFacingException.conflict("already_awarded", "error.courtyard.already-awarded", building.name(), String.valueOf(awardYear));
			}
			var key = new GeneratedKeyHolder();
			jdbc.sql("insert into courtyard_award (building_id, org_path, award_year, awarded_on, awarded_by, recorded_at) values (:b, :p, :y, :d, :by, :at)")
					.param("b", building.id()).param("p", building.path()).param("y", awardYear).param("d", day).param("by", buildings.username())
					.param("at", Timestamp.from(clock.instant())).update(key, "id");
			return key.getKey().longValue();
		});
		audit.record("COURTYARD_AWARDED", "courtyard_award", id, building.id(), building.name() + " / " + awardYear);
		return find(building, id);
	}

	/**
	 * Revokes a standing award with a reason, from {@code revokedOn} (today when null).
	 *
	 * @throws UserFacingException 404 outside the scope or for an award of another building, 400 {@code missing_reason},
	 *     400 {@code invalid_date}, 409 {@code already_revoked}
	 */
	Award revoke(long buildingId, long awardId, String reason, LocalDate revokedOn) {
		OrgUnit building = buildings.writable(buildingId);
		Award award = find(building, awardId);
		String why = Text.blankToNull(reason);
		if (why == null || why.length() > 200) {
			throw UserFacingException.badRequest("missing_reason", "error.courtyard.reason");
		}
		Text.check("reason", why, false);
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		LocalDate day = revokedOn == null ? today : revokedOn;
		if (day.isAfter(today) || day.isBefore(award.awardedOn())) {
			throw UserFacingException.badRequest("invalid_date", "error.courtyard.revoked-on", award.awardedOn());
		}
		if (!award.standing()) {
			throw UserFacingException.conflict("already_revoked", "error.courtyard.already-revoked");
		}
		try {
			jdbc.sql("insert into courtyard_award_revocation (award_id, revoked_on, reason, revoked_by, recorded_at) values (:a, :d, :r, :by, :at)")
					.param("a", awardId).param("d", day).param("r", why).param("by", buildings.username()).param("at", Timestamp.from(clock.instant()))
					.update();
		} catch (org.springframework.dao.DuplicateKeyException e) {
			throw UserFacingException.conflict("already_revoked", "error.courtyard.already-revoked");
		}
		audit.record("COURTYARD_AWARD_REVOKED", "courtyard_award", awardId, building.id(), why);
		return find(building, awardId);
	}

	/** The building's awards, newest year first. */
	List<Award> history(long buildingId) {
		OrgUnit building = buildings.readable(buildingId);
		return jdbc.sql(SELECT + " where a.building_id = :b order by a.award_year desc, a.id desc").param("b", building.id()).query(CourtyardAwards::row).list();
	}

	/** CourtyardAwards of {@code year} of every building at or below {@code path}, standing ones after revoked ones per building. */
	List<Award> ofYear(String path, int year) {
		return jdbc.sql(SELECT + " where a.org_path like :p and a.award_year = :y order by a.id").param("p", path + "%").param("y", year)
				.query(CourtyardAwards::row).list();
	}

	private Award find(OrgUnit building, long id) {
		return jdbc.sql(SELECT + " where a.id = :id and a.building_id = :b").param("id", id).param("b", building.id()).query(CourtyardAwards::row).optional()
				.orElseThrow(() -> UserFacingException.notFound("error.courtyard.award-not-found"));
	}

	private static Award row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Date revoked = rs.getDate("revoked_on");
		return new Award(rs.getLong("id"), rs.getLong("building_id"), rs.getInt("award_year"), rs.getDate("awarded_on").toLocalDate(),
				rs.getString("awarded_by"), rs.getTimestamp("recorded_at").toInstant(), revoked == null ? null : revoked.toLocalDate(),
				rs.getString("reason"), rs.getString("revoked_by"));
	}
}
