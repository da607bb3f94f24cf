package org.chuangwen.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.CurrentUser;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The residents of the caller's part of the org tree. Every method checks the scope: a resident or unit outside it
 * answers 404 (or, for the lookups other modules use, nothing). 身份证号 and phone leave this module masked, except
 * through {@link #reveal}, which only a business role in scope may call and which is audited.
 */
@Service
public class Residents {

	private final ResidentRows rows;
	private final RosterImports imports;
	private final DataScope scope;
	private final PersonalData personalData;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final PeopleProperties properties;
	private final Clock clock;
	private final PublicGood publicGood;

	Residents(ResidentRows rows, RosterImports imports, PublicGood publicGood, DataScope scope, PersonalData personalData, WriteTransactions transactions, AuditLog audit,
			JdbcClient jdbc, PeopleProperties properties, Clock clock) {
		this.rows = rows;
		this.imports = imports;
		this.scope = scope;
		this.personalData = personalData;
		this.transactions = transactions;
		this.audit = audit;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.publicGood = publicGood;
	}

	/** The resident if the caller may read them; empty for an unknown id or one outside the caller's scope. */
	public Optional<ResidentRef> resident(long id) {
		String path = scope.path();
		return rows.find(id).filter(r -> r.orgPath().startsWith(path)).map(Residents::ref);
	}

	/** Residents in the caller's scope whose phone has this keyed hash ({@link PersonalData#lookupHash}). */
	public List<Long> residentIdsByPhoneHash(String phoneHash) {
		return rows.idsByPhoneHash(phoneHash, scope.path());
	}

	/** Residents at or below {@code orgPath} with this phone hash, for listeners that run without a caller. */
	public List<Long> residentIdsByPhoneHash(String phoneHash, String orgPath) {
		return rows.idsByPhoneHash(phoneHash, orgPath);
	}

	/**
	 * The residents in the caller's scope whose 身份证号 has one of these keyed hashes ({@link PersonalData#lookupHash} of
	 * the number), as hash → resident id: how a list of numbers such as an election's polling list is matched without
	 * the numbers leaving this module. Hashes of nobody in scope are left out; never returns null.
	 */
	public java.util.Map<String, Long> residentIdsByIdNumberHash(java.util.Collection<String> idNumberHashes) {
		String path = scope.path();
		java.util.Map<String, Long> found = new java.util.HashMap<>();
		rows.existing(idNumberHashes).forEach((hash, r) -> {
			if (r.orgPath().startsWith(path)) {
				found.put(hash, r.id());
			}
		});
		return found;
	}

	/**
	 * Every resident at or below the unit (in building, unit and room order), for ledgers built on the roster such as
	 * an election's electorate.
	 *
	 * @throws UserFacingException 404 for a unit outside the caller's scope
	 */
	public List<ResidentRef> residentsAt(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		return rows.all(unit.path()).stream().map(Residents::ref).toList();
	}

	/**
	 * Ⅲ-53 for the community of {@code orgUnitId} (the unit itself, or the community above it) over {@code from} to
	 * {@code to}, both included.
	 *
	 * @throws UserFacingException 404 outside the caller's scope, 400 for a unit with no community or a reversed period
	 */
	public Participation participation(long orgUnitId, LocalDate from, LocalDate to) {
		return publicGood.figure(orgUnitId, from, to);
	}

	static ResidentRef ref(ResidentView r) {
		return new ResidentRef(r.id(), r.name(), r.sex(), r.birthDate(), r.buildingId(), r.orgPath(), r.idNumber(), r.phone());
	}

	record Page(List<ResidentView> items, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	/**
	 * A page of residents at or below the unit. {@code q} finds by exact 身份证号 or phone (through the keyed hash),
	 * part of the name, or the start of the name's pinyin or its initials.
	 */
	Page list(long orgUnitId, String q, Integer page, Integer size) {
		OrgUnit unit = scope.readable(orgUnitId);
		int p = page == null || page < 1 ? 1 : page;
		int s = size == null || size < 1 ? properties.pageSize() : Math.min(size, 200);
		String query = q == null || q.isBlank() ? null : q.strip();
		if (query != null) {
			org.chuangwen.platform.Text.check("q", query, false);
		}
		return new Page(rows.page(unit.path(), query, (p - 1) * s, s), p, s, rows.count(unit.path(), query));
	}

	ResidentView find(long id) {
		ResidentView r = rows.find(id).orElse(null);
		scope.checkRead(r == null ? null : r.orgPath(), r == null ? null : r.buildingId(), "resident", id);
		return r;
	}

	List<ResidentRows.HistoryView> history(long id) {
		find(id);
		return rows.history(id);
	}

	/**
	 * The 身份证号 and phone in clear, for a business role (WORKER, STREET) in scope; recorded in the audit log.
	 *
	 * @throws UserFacingException 404 outside the scope, 403 for read-only roles and administrators
	 */
	ResidentRows.Secrets reveal(long id) {
		ResidentView r = rows.find(id).orElse(null);
		scope.checkWrite(r == null ? null : r.orgPath(), r == null ? null : r.buildingId(), "resident", id);
		audit.record("PERSONAL_DATA_REVEALED", "resident", id, r.buildingId(), "身份证号, 联系电话");
		return rows.secrets(id);
	}

	/** Adds or (with {@code id}) changes one resident from the form; the old values go to the history. */
	long save(Long id, ResidentForm form) {
		CurrentUser me = scope.user();
		if (form.buildingId() == null) {
			throw UserFacingException.badRequest("invalid_building", "people.form.building");
		}
		OrgUnit building = scope.writable(form.buildingId());
		if (building.kind() != org.chuangwen.orgs.OrgKind.BUILDING) {
			throw UserFacingException.badRequest("invalid_building", "people.form.building");
		}
		ResidentRows.Secrets current = null;
		if (id != null) {
			ResidentView r = rows.find(id).orElse(null);
			scope.checkWrite(r == null ? null : r.orgPath(), r == null ? null : r.buildingId(), "resident", id);
			current = rows.secrets(id);
		}
		Roster roster = new Roster(Roster.COLUMNS, building, List.of(building), java.util.Set.copyOf(careGroups()));
		Roster.Checked checked = roster.check(form.cells(current));
		if (checked.reason() != null) {
			throw UserFacingException.badRequest("invalid_resident", checked.reason().getCodes()[0], checked.reason().getArguments());
		}
		ResidentValues values = checked.values();
		String hash = personalData.lookupHash(values.id().value());
		return transactions.run(() -> {
			ResidentRows.Existing same = rows.existing(List.of(hash)).get(hash);
			if (same != null && (id == null || same.id() != id)) {
				throw UserFacingException.conflict("duplicate_resident", same.orgPath().startsWith(me.orgPath())
						? "people.form.duplicate" : "people.row.elsewhere");
			}
			rows.write(List.of(new ResidentRows.Write(id, values, hash, values.fingerprint(personalData))), me.username(), Instant.now(clock));
			long saved = id != null ? id : rows.existing(List.of(hash)).get(hash).id();
			audit.record(id == null ? "RESIDENT_ADDED" : "RESIDENT_CHANGED", "resident", saved, building.id(), null);
			return saved;
		});
	}

	/** The care groups (关爱群体) in their display order. */
	List<String> careGroups() {
		return jdbc.sql("select name from care_group order by sort, id").query(String.class).list();
	}

	/** The result of a synchronous import, with at most {@code chuangwen.people.reported-rows} refused rows. */
	record ImportResult(long id, int imported, int updated, int unchanged, int rejected, List<RejectedRow> rejectedRows) {}

	record RejectedRow(int row, String reason) {}

	/** Imports a roster into the unit now, in the caller's thread. */
	ImportResult importRoster(long orgUnitId, String fileName, InputStream content, Locale locale) {
		RosterImports.Request request = request(orgUnitId, fileName, content, locale);
		long id = open(request);
		imports.run(id, request);
		ImportJob job = job(id);
		return new ImportResult(id, job.imported(), job.updated(), job.unchanged(), job.rejected(), rejectedRows(id, properties.reportedRows()));
	}

	/** Starts importing on the import thread; the page polls {@link #job}. */
	long startImport(long orgUnitId, String fileName, InputStream content, Locale locale) {
		RosterImports.Request request = request(orgUnitId, fileName, content, locale);
		long id = open(request);
		imports.runLater(id, request);
		return id;
	}

	private long open(RosterImports.Request request) {
		try {
			return imports.open(request);
		} catch (RuntimeException e) {
			delete(request.file());
			throw e;
		}
	}

	private RosterImports.Request request(long orgUnitId, String fileName, InputStream content, Locale locale) {
		OrgUnit unit = scope.writable(orgUnitId);
		CurrentUser me = scope.user();
		try {
			Path file = Files.createTempFile("roster-", ".xlsx");
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
			return new RosterImports.Request(unit, me.orgPath(), me.username(), fileName == null ? "roster.xlsx" : fileName, file, locale);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			// a temp file left behind is removed by the OS
		}
	}

	ImportJob job(long id) {
		ImportJob job = jdbc.sql("select * from resident_import where id = :id").param("id", id).query(Residents::job).optional().orElse(null);
		String path = job == null ? null : jdbc.sql("select org_path from resident_import where id = :id").param("id", id).query(String.class).single();
		scope.checkRead(path, job == null ? null : job.orgUnitId(), "resident_import", id);
		return job;
	}

	/** The newest imports in the caller's scope. */
	List<ImportJob> recentImports(int limit) {
		return jdbc.sql("select * from resident_import where org_path like :path order by id desc fetch first :limit rows only")
				.param("path", scope.path() + "%")
				.param("limit", limit)
				.query(Residents::job)
				.list();
	}

	List<RejectedRow> rejectedRows(long id, int limit) {
		return jdbc.sql("select row_no, reason from resident_import_row where import_id = :id order by row_no fetch first :limit rows only")
				.param("id", id)
				.param("limit", limit)
				.query((rs, n) -> new RejectedRow(rs.getInt(1), rs.getString(2)))
				.list();
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.SHANGHAI));
	}

	private static ImportJob job(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Timestamp finished = rs.getTimestamp("finished_at");
		return new ImportJob(rs.getLong("id"), rs.getLong("org_unit_id"), rs.getString("file_name"), rs.getString("requested_by"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(), rs.getString("state"), rs.getInt("rows_read"),
				rs.getInt("imported"), rs.getInt("updated"), rs.getInt("unchanged"), rs.getInt("rejected"), rs.getString("error"));
	}
}
