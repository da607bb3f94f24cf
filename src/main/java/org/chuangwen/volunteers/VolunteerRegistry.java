package org.chuangwen.volunteers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.UserFacingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Volunteers and teams on their own rows: phone and ID number encrypted ({@link PersonalData}), found by keyed hash,
 * stored masked beside the ciphertext so that lists never decrypt. Every read and write goes through {@link DataScope}.
 */
@Component
class VolunteerRegistry {

	static final String SELECT = """
			select v.*, t.name as team_name from volunteer v left join volunteer_team t on t.id = v.team_id""";

	/** A volunteer an activity's attendee is matched to: what a service record needs to carry. */
	record Match(long id, Long residentId, long orgUnitId, String orgPath) {}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final PersonalData personal;
	private final ResidentLinks residents;
	private final EvidenceArchive evidence;
	private final AuditLog audit;
	private final Clock clock;

	VolunteerRegistry(JdbcClient jdbc, DataScope scope, PersonalData personal, ResidentLinks residents, EvidenceArchive evidence, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.personal = personal;
		this.residents = residents;
		this.evidence = evidence;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Registers a volunteer in {@code unit} (already checked by the caller for writing or, for self-registration, taken
	 * from the activity). Refused with 409 {@code duplicate_volunteer} when the phone is registered in the unit already.
	 */
	Volunteer register(OrgUnit unit, NewVolunteer command, boolean self, String actor) {
		String name = Fields.required(command.name(), 50, "error.volunteer.name");
		String phone = Fields.phone(command.phone());
		String idNumber = Fields.blank(command.idNumber()) ? null : IdNumbers.valid(command.idNumber());
		Long teamId = Fields.blank(command.team()) ? null : teamOf(unit, command.team().strip());
		Long residentId = residents.check(command.residentId());
		String phoneHash = personal.lookupHash(phone);
		if (exists(unit.id(), phoneHash)) {
			throw UserFacingException.conflict("duplicate_volunteer", "error.volunteer.duplicate");
		}
		String number = nextNumber(unit.id());
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into volunteer (org_unit_id, org_path, number, name, phone_enc, phone_hash, phone_masked, id_number_enc, id_number_hash,
					  id_number_masked, sex, birth_date, residence, skills, service_types, team_id, resident_id, self_registered, registered_by, registered_at)
					values (:unit, :path, :number, :name, :phoneEnc, :phoneHash, :phoneMasked, :idEnc, :idHash, :idMasked, :sex, :birth, :residence,
					  :skills, :types, :team, :resident, :self, :by, :at)""")
					.param("unit", unit.id()).param("path", unit.path()).param("number", number).param("name", name)
					.param("phoneEnc", personal.encrypt(phone)).param("phoneHash", phoneHash).param("phoneMasked", PersonalData.maskPhone(phone))
					.param("idEnc", personal.encrypt(idNumber)).param("idHash", idNumber == null ? null : personal.lookupHash(idNumber))
					.param("idMasked", idNumber == null ? null : IdNumbers.mask(idNumber))
					.param("sex", idNumber == null ? null : IdNumbers.sex(idNumber))
					.param("birth", idNumber == null ? null : IdNumbers.birthDate(idNumber))
					.param("residence", Fields.optional(command.residence(), 200, "error.volunteer.residence"))
					.param("skills", Fields.optional(command.skills(), 200, "error.volunteer.skills"))
					.param("types", Fields.optional(command.serviceTypes(), 200, "error.volunteer.service-types"))
					.param("team", teamId).param("resident", residentId).param("self", self).param("by", actor)
					.param("at", Timestamp.from(Instant.now(clock)))
					.update(key, "id");
		} catch (DuplicateKeyException e) {
			// a concurrent registration of the same phone won the race
			throw UserFacingException.conflict("duplicate_volunteer", "error.volunteer.duplicate");
		}
		long id = key.getKey().longValue();
		audit.record(self ? "VOLUNTEER_SELF_REGISTERED" : "VOLUNTEER_REGISTERED", "volunteer", id, unit.id(),
				number + " / " + PersonalData.maskPhone(phone));
		return byId(id).orElseThrow();
	}

	boolean isRegistered(long unitId, String phone) {
		return exists(unitId, personal.lookupHash(Fields.phone(phone)));
	}

	private boolean exists(long unitId, String phoneHash) {
		return jdbc.sql("select count(*) from volunteer where org_unit_id = :u and phone_hash = :h").param("u", unitId).param("h", phoneHash)
				.query(Long.class).single() > 0;
	}

	/** A volunteer in the caller's scope; 404 otherwise. */
	Volunteer readable(long id) {
		Volunteer volunteer = byId(id).orElse(null);
		scope.checkRead(volunteer == null ? null : volunteer.orgPath(), volunteer == null ? null : volunteer.orgUnitId(), "volunteer", id);
		return volunteer;
	}

	/** A volunteer the caller may write to; 404 outside the scope, 403 for a read-only role. */
	Volunteer writable(long id) {
		Volunteer volunteer = byId(id).orElse(null);
		scope.checkWrite(volunteer == null ? null : volunteer.orgPath(), volunteer == null ? null : volunteer.orgUnitId(), "volunteer", id);
		return volunteer;
	}

	Optional<Volunteer> byId(long id) {
		return jdbc.sql(SELECT + " where v.id = :id").param("id", id).query(VolunteerRegistry::volunteer).optional();
	}

	/**
	 * One page of the volunteers under {@code path}, newest first; {@code q} matches name or number in part, or a whole
	 * phone number exactly (through its keyed hash).
	 */
	List<Volunteer> search(String path, String q, int offset, int limit) {
		return jdbc.sql(SELECT + where(q) + " order by v.id desc offset :offset rows fetch next :limit rows only")
				.params(searchParams(path, q)).param("offset", offset).param("limit", limit)
				.query(VolunteerRegistry::volunteer).list();
	}

	long count(String path, String q) {
		return jdbc.sql("select count(*) from volunteer v" + where(q)).params(searchParams(path, q)).query(Long.class).single();
	}

	private static String where(String q) {
		return Fields.blank(q) ? " where v.org_path like :path" : " where v.org_path like :path and (v.name like :like or v.number like :like or v.phone_hash = :hash)";
	}

	private Map<String, Object> searchParams(String path, String q) {
		Map<String, Object> params = new HashMap<>();
		params.put("path", path + "%");
		if (!Fields.blank(q)) {
			String term = q.strip();
			params.put("like", "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			params.put("hash", personal.lookupHash(term));
		}
		return params;
	}

	/**
	 * The registered volunteers among {@code phoneHashes} for an activity under {@code activityPath}: a volunteer of the
	 * activity's unit or one above it, else one below it (the nearest unit wins when a phone is registered twice).
	 */
	Map<String, Match> matching(List<String> phoneHashes, String activityPath) {
		Map<String, Match> found = new HashMap<>();
		if (phoneHashes.isEmpty()) {
			return found;
		}
		List<Object[]> rows = jdbc.sql("select id, resident_id, org_unit_id, org_path, phone_hash from volunteer where phone_hash in (:hashes)")
				.param("hashes", phoneHashes)
				.query((rs, n) -> new Object[] {new Match(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getLong(3), rs.getString(4)), rs.getString(5)})
				.list();
		for (Object[] row : rows) {
			Match match = (Match) row[0];
			int rank = activityPath.startsWith(match.orgPath()) ? 1_000 + match.orgPath().length()
					: match.orgPath().startsWith(activityPath) ? 1_000 - match.orgPath().length() : -1;
			Match best = found.get((String) row[1]);
			int bestRank = best == null ? -1
					: activityPath.startsWith(best.orgPath()) ? 1_000 + best.orgPath().length() : 1_000 - best.orgPath().length();
			if (rank > bestRank) {
				found.put((String) row[1], match);
			}
		}
		return found;
	}

	/** The phone in full for a writing role, audited. */
	String revealPhone(long id) {
		Volunteer volunteer = writable(id);
		String phone = personal.decrypt(jdbc.sql("select phone_enc from volunteer where id = :id").param("id", id).query(String.class).single());
		audit.record("PERSONAL_DATA_REVEALED", "volunteer", id, volunteer.orgUnitId(), "phone " + volunteer.phone());
		return phone;
	}

	/** The ID number in full for a writing role, audited; 404 when none is stored. */
	String revealIdNumber(long id) {
		Volunteer volunteer = writable(id);
		String stored = jdbc.sql("select id_number_enc from volunteer where id = :id").param("id", id).query(String.class).optional().orElse(null);
		if (stored == null) {
			throw UserFacingException.notFound("error.scope.not-found");
		}
		audit.record("PERSONAL_DATA_REVEALED", "volunteer", id, volunteer.orgUnitId(), "id number " + volunteer.idNumber());
		return personal.decrypt(stored);
	}

	Team createTeam(OrgUnit unit, String name, String serviceArea, String skills, Long charterMaterialId, Long chartMaterialId, String actor) {
		String teamName = Fields.required(name, 100, "error.volunteer.team-name");
		checkMaterial(charterMaterialId);
		checkMaterial(chartMaterialId);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		try {
			jdbc.sql("""
					insert into volunteer_team (org_unit_id, org_path, name, service_area, skills, charter_material_id, chart_material_id, created_by, created_at)
					values (:unit, :path, :name, :area, :skills, :charter, :chart, :by, :at)""")
					.param("unit", unit.id()).param("path", unit.path()).param("name", teamName)
					.param("area", Fields.optional(serviceArea, 200, "error.volunteer.service-area"))
					.param("skills", Fields.optional(skills, 200, "error.volunteer.skills"))
					.param("charter", charterMaterialId).param("chart", chartMaterialId).param("by", actor).param("at", Timestamp.from(Instant.now(clock)))
					.update(key, "id");
		} catch (DuplicateKeyException e) {
			throw UserFacingException.conflict("duplicate_team", "error.volunteer.team-duplicate");
		}
		long id = key.getKey().longValue();
		audit.record("VOLUNTEER_TEAM_CREATED", "volunteer_team", id, unit.id(), teamName);
		return team(id).orElseThrow();
	}

	/** A material id must name a material the caller can read in the archive (checked by the archive itself: 404 otherwise). */
	private void checkMaterial(Long materialId) {
		if (materialId != null) {
			evidence.find(materialId);
		}
	}

	Optional<Team> team(long id) {
		return jdbc.sql(TEAM + " where t.id = :id group by " + TEAM_GROUP).param("id", id).query(VolunteerRegistry::team).optional();
	}

	/** A team in the caller's scope with its path; 404 otherwise. */
	Team readableTeam(long id) {
		String path = jdbc.sql("select org_path from volunteer_team where id = :id").param("id", id).query(String.class).optional().orElse(null);
		scope.checkRead(path, null, "volunteer_team", id);
		return team(id).orElseThrow();
	}

	List<Team> teams(String path) {
		return jdbc.sql(TEAM + " where t.org_path like :path group by " + TEAM_GROUP + " order by t.name").param("path", path + "%")
				.query(VolunteerRegistry::team).list();
	}

	List<Volunteer> members(long teamId) {
		return jdbc.sql(SELECT + " where v.team_id = :t order by v.number").param("t", teamId).query(VolunteerRegistry::volunteer).list();
	}

	private static final String TEAM = """
			select t.id, t.org_unit_id, t.name, t.service_area, t.skills, t.charter_material_id, t.chart_material_id, count(v.id) as members
			from volunteer_team t left join volunteer v on v.team_id = t.id""";
	private static final String TEAM_GROUP = "t.id, t.org_unit_id, t.name, t.service_area, t.skills, t.charter_material_id, t.chart_material_id";

	/** The team of the unit named by {@code team} (its id or its name); 400 unknown_team otherwise. */
	private Long teamOf(OrgUnit unit, String team) {
		List<Long> ids = new ArrayList<>(jdbc.sql("select id from volunteer_team where org_unit_id = :u and name = :n")
				.param("u", unit.id()).param("n", team).query(Long.class).list());
		if (ids.isEmpty() && team.matches("\\d{1,18}")) {
			ids.addAll(jdbc.sql("select id from volunteer_team where org_unit_id = :u and id = :id").param("u", unit.id()).param("id", Long.parseLong(team))
					.query(Long.class).list());
		}
		if (ids.isEmpty()) {
			throw UserFacingException.badRequest("unknown_team", "error.volunteer.team-unknown", team);
		}
		return ids.get(0);
	}

	/** The next number of the unit's sequence: V, the unit id, a dash and five digits (V12-00001). */
	private String nextNumber(long unitId) {
		jdbc.sql("insert into volunteer_number (org_unit_id, last_value) values (:u, 0) on conflict do nothing").param("u", unitId).update();
		jdbc.sql("update volunteer_number set last_value = last_value + 1 where org_unit_id = :u").param("u", unitId).update();
		int value = jdbc.sql("select last_value from volunteer_number where org_unit_id = :u").param("u", unitId).query(Integer.class).single();
		return "V" + unitId + "-" + String.format("%05d", value);
	}

	static Volunteer volunteer(ResultSet rs, int n) throws SQLException {
		Timestamp at = rs.getTimestamp("registered_at");
		java.sql.Date birth = rs.getDate("birth_date");
		return new Volunteer(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("org_path"), rs.getString("number"), rs.getString("name"),
				rs.getString("phone_masked"), rs.getString("id_number_masked"), rs.getString("sex"), birth == null ? null : birth.toLocalDate(),
				rs.getString("residence"), rs.getString("skills"), rs.getString("service_types"), rs.getObject("team_id", Long.class),
				rs.getString("team_name"), rs.getObject("resident_id", Long.class), rs.getBoolean("self_registered"), rs.getString("registered_by"),
				at == null ? null : at.toInstant());
	}

	private static Team team(ResultSet rs, int n) throws SQLException {
		return new Team(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("name"), rs.getString("service_area"), rs.getString("skills"),
				rs.getObject("charter_material_id", Long.class), rs.getObject("chart_material_id", Long.class), rs.getInt("members"));
	}

	static LocalDate date(java.sql.Date date) {
		return date == null ? null : date.toLocalDate();
	}
}
