package org.chuangwen.courtyards;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.people.ResidentRef;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 楼长 (LEADER) and 卫生管理人员 (SANITATION) of a building: residents of the building's community, each assignment a
 * new row, the latest per role being the current one (a row without a resident ends an assignment). Names come from the
 * residents ledger when shown, so a corrected name is never stale here.
 */
@Component
class Keepers {

	static final List<String> ROLES = List.of("LEADER", "SANITATION");

	/** An assignment as kept; {@code residentName} is null when nobody holds the role since {@code assignedOn}. */
	record Keeper(long id, long buildingId, String role, Long residentId, String residentName, LocalDate assignedOn, String assignedBy, Instant recordedAt) {}

	private final JdbcClient jdbc;
	private final Buildings buildings;
	private final Residents residents;
	private final AuditLog audit;
	private final Clock clock;

	Keepers(JdbcClient jdbc, Buildings buildings, Residents residents, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.buildings = buildings;
		this.residents = residents;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Makes a resident the building's keeper of {@code role} from {@code assignedOn} (today when null); a null resident
	 * leaves the role vacant.
	 *
	 * @throws UserFacingException 404 for a building outside the scope or a resident who is unknown, outside the scope or
	 *     not of the building's community; 400 {@code invalid_role}, 400 {@code invalid_date}
	 */
	Keeper assign(long buildingId, String role, Long residentId, LocalDate assignedOn) {
		OrgUnit building = buildings.writable(buildingId);
		String checkedRole = role == null ? "" : role.strip().toUpperCase(java.util.Locale.ROOT);
		if (!ROLES.contains(checkedRole)) {
			throw UserFacingException.badRequest("invalid_role", "error.courtyard.role");
		}
		ResidentRef resident = null;
		if (residentId != null) {
			String community = buildings.community(building).path();
			resident = residents.resident(residentId).filter(r -> r.orgPath().startsWith(community))
					.orElseThrow(() -> UserFacingException.notFound("error.courtyard.resident"));
		}
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		LocalDate day = assignedOn == null ? today : assignedOn;
		if (day.isAfter(today) || day.getYear() < 1990) {
			throw UserFacingException.badRequest("invalid_date", "error.courtyard.assigned-on");
		}
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into courtyard_keeper (building_id, org_path, role, resident_id, assigned_on, assigned_by, recorded_at)"
				+ " values (:b, :p, :r, :res, :d, :by, :at)")
				.param("b", building.id()).param("p", building.path()).param("r", checkedRole).param("res", residentId).param("d", day)
				.param("by", buildings.username()).param("at", Timestamp.from(clock.instant())).update(key, "id");
		long id = key.getKey().longValue();
		audit.record("COURTYARD_KEEPER_ASSIGNED", "courtyard_keeper", id, building.id(), checkedRole + " / resident " + residentId);
		return new Keeper(id, building.id(), checkedRole, residentId, resident == null ? null : resident.name(), day, buildings.username(),
				clock.instant());
	}

	/** Every assignment of the building, newest first. */
	List<Keeper> history(long buildingId) {
		OrgUnit building = buildings.readable(buildingId);
		return jdbc.sql("select id, role, resident_id, assigned_on, assigned_by, recorded_at from courtyard_keeper where building_id = :b"
				+ " order by assigned_on desc, id desc")
				.param("b", building.id())
				.query((rs, n) -> {
					long resident = rs.getLong("resident_id");
					Long residentId = rs.wasNull() ? null : resident;
					return new Keeper(rs.getLong("id"), building.id(), rs.getString("role"), residentId,
							residentId == null ? null : residents.resident(residentId).map(ResidentRef::name).orElse(null),
							rs.getDate("assigned_on").toLocalDate(), rs.getString("assigned_by"), rs.getTimestamp("recorded_at").toInstant());
				}).list();
	}

	/** The current keeper per role (role → assignment); a vacant or never filled role is absent. */
	Map<String, Keeper> current(long buildingId) {
		Map<String, Keeper> current = new LinkedHashMap<>();
		for (Keeper keeper : history(buildingId)) {
			current.putIfAbsent(keeper.role(), keeper);
		}
		current.values().removeIf(k -> k.residentId() == null);
		return current;
	}
}
