package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chuangwen.activities.CheckInCodes;
import org.chuangwen.activities.CheckInCodes.CodedActivity;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.Throttle;
import org.chuangwen.platform.TooManyAttempts;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteers module: registration (by a worker, or by the volunteer from an activity's check-in page), teams,
 * service records and their confirmation, totals and certificates. Every call is scoped to the caller's part of the org
 * tree: a foreign id answers 404.
 */
@Service
public class Volunteers {

	private static final int MAX_PAGE = 200;

	private final VolunteerRegistry registry;
	private final ServiceRecords records;
	private final ServiceTotalsQuery totals;
	private final Certificates certificates;
	private final VolunteerProperties properties;
	private final DataScope scope;
	private final Orgs orgs;
	private final CheckInCodes activities;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;
	private final Throttle selfRegistrations;

	Volunteers(VolunteerRegistry registry, ServiceRecords records, ServiceTotalsQuery totals, Certificates certificates, VolunteerProperties properties,
			DataScope scope, Orgs orgs, CheckInCodes activities, JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.registry = registry;
		this.records = records;
		this.totals = totals;
		this.certificates = certificates;
		this.properties = properties;
		this.scope = scope;
		this.orgs = orgs;
		this.activities = activities;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.selfRegistrations = new Throttle(new Throttle.Rule(properties.selfRegistrations(), properties.selfRegistrationWindow(),
				properties.selfRegistrationWindow(), properties.selfRegistrationWindow().multipliedBy(8), java.time.Duration.ZERO), clock, 10_000);
	}

	/**
	 * Registers a volunteer in {@code command.orgUnitId()} (the caller's unit when null).
	 *
	 * @throws UserFacingException 404 for a unit outside the scope, 409 {@code duplicate_volunteer} for a phone already
	 *     registered in the unit, 400 for invalid input
	 */
	@Transactional
	public Volunteer register(NewVolunteer command) {
		OrgUnit unit = scope.writable(command.orgUnitId() == null ? scope.user().orgUnitId() : command.orgUnitId());
		return registry.register(unit, command, false, scope.user().username());
	}

	/** The activity behind a check-in code, for the public self-registration page; 404 for a wrong code. */
	public CodedActivity activityOf(String code, String address) {
		refuseIfThrottled(selfRegistrations.check(address), address);
		return activities.find(code == null ? "" : code.strip().toUpperCase()).orElseThrow(() -> {
			selfRegistrations.record(address);
			return UserFacingException.notFound("error.activity.code");
		});
	}

	/**
	 * A volunteer registers themselves from an activity's check-in page (no login), in the activity's unit, marked as
	 * self-registered. A phone already registered there is answered like a new registration and changes nothing, so the
	 * page does not tell strangers who is registered. Throttled per address; audited.
	 */
	@Transactional
	public void registerSelf(String code, NewVolunteer command, String address) {
		CodedActivity activity = activityOf(code, address);
		refuseIfThrottled(selfRegistrations.record(address), address);
		OrgUnit unit = orgs.find(activity.orgUnitId()).orElseThrow();
		String phone = Fields.phone(command.phone());
		if (registry.isRegistered(unit.id(), phone)) {
			audit.record("VOLUNTEER_SELF_REGISTERED", "volunteer", null, unit.id(), "already registered: " + PersonalData.maskPhone(phone));
			return;
		}
		registry.register(unit, new NewVolunteer(unit.id(), command.name(), phone, command.idNumber(), command.residence(), command.skills(),
				command.serviceTypes(), null, null), true, "自助登记");
	}

	private void refuseIfThrottled(Throttle.Verdict verdict, String address) {
		if (!verdict.allowed()) {
			if (verdict.first()) {
				audit.record("VOLUNTEER_SELF_REGISTRATION_THROTTLED", "address", address, null, "retry after " + verdict.retryAfterSeconds() + " s");
			}
			throw new TooManyAttempts(verdict, "volunteer.too-many");
		}
	}

	/** A volunteer in the caller's scope with totals, level and records; 404 otherwise. */
	@Transactional(readOnly = true)
	public VolunteerDetails details(long id) {
		Volunteer volunteer = registry.readable(id);
		BigDecimal hours = records.confirmedHours(id);
		List<VolunteerNote> notes = jdbc.sql("select * from volunteer_note where volunteer_id = :v order by note_date desc, id desc").param("v", id)
				.query((rs, n) -> new VolunteerNote(rs.getLong("id"), rs.getLong("volunteer_id"), rs.getString("kind"), rs.getDate("note_date").toLocalDate(),
						rs.getString("title"), rs.getString("detail"), rs.getString("recorded_by")))
				.list();
		BigDecimal manual = records.confirmedManualHours(id);
		return new VolunteerDetails(volunteer, hours, manual, properties.stars(hours), properties.level(hours), records.ofVolunteer(id), notes);
	}

	@Transactional(readOnly = true)
	public VolunteerPage search(String q, int page, int size) {
		int theSize = Math.max(1, Math.min(size, MAX_PAGE));
		int thePage = Math.max(1, page);
		String path = scope.path();
		return new VolunteerPage(registry.search(path, q, (thePage - 1) * theSize, theSize), registry.count(path, q), thePage, theSize);
	}

	@Transactional
	public String revealPhone(long id) {
		return registry.revealPhone(id);
	}

	@Transactional
	public String revealIdNumber(long id) {
		return registry.revealIdNumber(id);
	}

	/** A team of {@code orgUnitId} (the caller's unit when null); its 章程 and chart name archive materials the caller can read. */
	@Transactional
	public Team createTeam(Long orgUnitId, String name, String serviceArea, String skills, Long charterMaterialId, Long chartMaterialId) {
		OrgUnit unit = scope.writable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		return registry.createTeam(unit, name, serviceArea, skills, charterMaterialId, chartMaterialId, scope.user().username());
	}

	@Transactional(readOnly = true)
	public List<Team> teams() {
		return registry.teams(scope.path());
	}

	@Transactional(readOnly = true)
	public Team team(long id) {
		return registry.readableTeam(id);
	}

	@Transactional(readOnly = true)
	public List<Volunteer> members(long teamId) {
		registry.readableTeam(teamId);
		return registry.members(teamId);
	}

	/** Confirms an activity's pending records in one step; 404 when the caller sees none of them. */
	@Transactional
	public Confirmation confirmActivity(long activityId) {
		return records.confirmActivity(activityId);
	}

	@Transactional
	public ServiceRecord enter(long volunteerId, HandEntry entry) {
		return records.enter(volunteerId, entry);
	}

	@Transactional
	public ServiceRecord approve(long recordId) {
		return records.approve(recordId);
	}

	@Transactional
	public ServiceRecord correct(long recordId, LocalDate date, java.math.BigDecimal hours, String content, String reason) {
		return records.correct(recordId, date, hours, content, reason);
	}

	@Transactional(readOnly = true)
	public ServiceRecord record(long recordId) {
		return records.readable(recordId);
	}

	@Transactional(readOnly = true)
	public List<Correction> corrections(long recordId) {
		return records.corrections(recordId);
	}

	@Transactional(readOnly = true)
	public List<ServiceRecord> pending(int limit) {
		return records.pending(Math.max(1, Math.min(limit, 1000)));
	}

	/** Confirmed hours of a year under a unit (the caller's when null). */
	@Transactional(readOnly = true)
	public ServiceTotals totals(Long orgUnitId, Integer year) {
		OrgUnit unit = scope.readable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		int theYear = year == null ? LocalDate.now(clock.withZone(Zones.SHANGHAI)).getYear() : year;
		if (theYear < 2000 || theYear > 2100) {
			throw UserFacingException.badRequest("bad_parameter", "error.request.bad-parameter", "year");
		}
		return totals.of(unit.path(), theYear);
	}

	/** Records training, a commendation or a quality evaluation. */
	@Transactional
	public VolunteerNote addNote(long volunteerId, String kind, LocalDate date, String title, String detail) {
		Volunteer volunteer = registry.writable(volunteerId);
		if (kind == null || !VolunteerNote.KINDS.contains(kind)) {
			throw UserFacingException.badRequest("bad_parameter", "error.request.bad-parameter", "kind");
		}
		if (date == null || date.isAfter(LocalDate.now(clock.withZone(Zones.SHANGHAI)))) {
			throw UserFacingException.badRequest("invalid_date", "error.volunteer.date");
		}
		String theTitle = Fields.required(title, 200, "error.volunteer.title");
		String theDetail = Fields.multiLine(detail, 1000, "error.volunteer.content");
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into volunteer_note (volunteer_id, kind, note_date, title, detail, recorded_by, recorded_at) values (:v, :k, :d, :t, :x, :by, :at)")
				.param("v", volunteerId).param("k", kind).param("d", date).param("t", theTitle).param("x", theDetail).param("by", scope.user().username())
				.param("at", java.sql.Timestamp.from(clock.instant())).update(key, "id");
		audit.record("VOLUNTEER_NOTE_ADDED", "volunteer", volunteerId, volunteer.orgUnitId(), kind + " / " + theTitle);
		return new VolunteerNote(key.getKey().longValue(), volunteerId, kind, date, theTitle, theDetail, scope.user().username());
	}

	/** Issues a 志愿服务记录证明 as DOCX; {@code verifyBase} is the public URL the number is appended to. */
	@Transactional
	public Certificate issueCertificate(long volunteerId, String leader, String contact, String verifyBase) {
		Certificates.Issued issued = certificates.issue(volunteerId, leader, contact, verifyBase);
		return new Certificate(issued.number(), registry.byId(volunteerId).orElseThrow().name() + "-志愿服务记录证明-" + issued.number() + ".docx",
				issued.docx());
	}

	/** A certificate as issued: its number, a file name and the DOCX. */
	public record Certificate(String number, String fileName, byte[] docx) {}

	/** The public check of a certificate number (no login); empty for a number never issued. */
	@Transactional(readOnly = true)
	public Optional<CertificateCheck> check(String number) {
		if (number == null || !number.matches("ZS\\d{4}-[2-9A-Z]{10}")) {
			return Optional.empty();
		}
		return certificates.check(number);
	}
}
