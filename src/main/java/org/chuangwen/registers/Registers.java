package org.chuangwen.registers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.CurrentUser;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The registers module's facade: schemas (defined and changed by the system administrator only), and the rows of the
 * caller's part of the org tree. A row outside it, or a unit outside it, answers 404; a read-only role gets 403 on
 * writes. Personal data columns leave this module masked.
 */
@Service
class Registers {

	private final SchemaBook schemas;
	private final SchemaChanges changes;
	private final RegisterRows rows;
	private final RegisterImports imports;
	private final Residents residents;
	private final DataScope scope;
	private final PersonalData personalData;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final RegistersProperties properties;
	private final Clock clock;

	Registers(SchemaBook schemas, SchemaChanges changes, RegisterRows rows, RegisterImports imports, Residents residents, DataScope scope,
			PersonalData personalData, WriteTransactions transactions, AuditLog audit, JdbcClient jdbc, RegistersProperties properties, Clock clock) {
		this.schemas = schemas;
		this.changes = changes;
		this.rows = rows;
		this.imports = imports;
		this.residents = residents;
		this.scope = scope;
		this.personalData = personalData;
		this.transactions = transactions;
		this.audit = audit;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	List<Schema> all() {
		scope.user();
		return schemas.all();
	}

	/** The register by its name; 404 {@code not_found} for a name no register has. */
	Schema schema(String name) {
		return schemas.find(name).orElseThrow(() -> UserFacingException.notFound("registers.unknown"));
	}

	/**
	 * Defines a new register, by the system administrator only.
	 *
	 * @throws UserFacingException 403 for anyone else, 400 {@code invalid_register}, 409 {@code duplicate_register}
	 */
	Schema define(SchemaBook.Definition definition) {
		scope.requireAdmin("register_schema", definition == null ? null : definition.name());
		SchemaBook.Definition d = SchemaBook.checked(definition);
		CurrentUser me = scope.user();
		long id;
		try {
			id = transactions.run(() -> schemas.insert(d, me.username(), Instant.now(clock)));
		} catch (DuplicateKeyException e) {
			// defined by another administrator in the same moment
			throw SchemaBook.duplicate(d.name());
		}
		audit.record("REGISTER_DEFINED", "register_schema", id, null, d.name());
		return schema(d.name());
	}

	/**
	 * Adds the next version of a register's schema. Existing rows stay as they are: a dropped column's values are kept
	 * (shown as 已停用列), a new column is empty on them.
	 *
	 * @throws UserFacingException 409 {@code incompatible_change} when a changed type does not fit values already stored
	 */
	Schema change(String name, SchemaBook.Definition definition) {
		scope.requireAdmin("register_schema", name);
		Schema current = schema(name);
		SchemaBook.Definition d = SchemaBook.checked(new SchemaBook.Definition(name, definition == null ? null : definition.title(),
				definition == null ? null : definition.columns(), definition == null ? null : definition.keyColumns()));
		CurrentUser me = scope.user();
		transactions.run(() -> {
			changes.check(current, d);
			schemas.change(current, d, me.username(), Instant.now(clock));
			return null;
		});
		audit.record("REGISTER_CHANGED", "register_schema", current.id(), null, name + " v" + (current.version() + 1));
		return schema(name);
	}

	record Page(List<RegisterRows.Row> items, int page, int size, long total) {

		public int pages() {
			return (int) Math.max(1, (total + size - 1) / size);
		}
	}

	Page rows(Schema schema, long orgUnitId, String q, Integer page, Integer size) {
		OrgUnit unit = scope.readable(orgUnitId);
		int p = page == null || page < 1 ? 1 : page;
		int s = size == null || size < 1 ? properties.pageSize() : Math.min(size, 200);
		String query = Text.blankToNull(q);
		if (query != null) {
			Text.check("q", query, false);
		}
		String hash = query == null ? null : personalData.lookupHash(query);
		return new Page(rows.page(schema.id(), unit.path(), query, hash, (p - 1) * s, s), p, s, rows.count(schema.id(), unit.path(), query, hash));
	}

	/** A row of the register the caller may read; 404 otherwise. */
	RegisterRows.Row row(Schema schema, long id) {
		RegisterRows.Row row = rows.find(id).filter(r -> r.registerId() == schema.id()).orElse(null);
		scope.checkRead(row == null ? null : row.orgPath(), row == null ? null : row.orgUnitId(), "register_row", id);
		return row;
	}

	List<RegisterRows.Change> history(Schema schema, long id) {
		row(schema, id);
		return rows.history(id);
	}

	/**
	 * Adds a row to a unit (a community, grid or building) the caller may write to.
	 *
	 * @param values text or numbers per column key
	 * @throws UserFacingException 400 {@code invalid_row} with the reason, 409 {@code duplicate_row} when a row with the
	 *         same key columns is there already
	 */
	RegisterRows.Row add(Schema schema, long orgUnitId, Map<String, ?> values) {
		OrgUnit unit = writableUnit(orgUnitId);
		RowRules.Checked checked = rules(schema, unit.path()).check(typed(schema, values), Map.of());
		refuse(checked);
		CurrentUser me = scope.user();
		long id = stored(() -> transactions.run(() -> {
			if (!rows.existing(schema.id(), unit.id(), List.of(checked.rowKey())).isEmpty()) {
				throw UserFacingException.conflict("duplicate_row", "registers.row.exists");
			}
			rows.write(List.of(new RegisterRows.Write(null, schema.id(), unit.id(), unit.path(), checked, schema.version())), me.username(),
					Instant.now(clock));
			return rows.existing(schema.id(), unit.id(), List.of(checked.rowKey())).get(checked.rowKey()).id();
		}));
		audit.record("REGISTER_ROW_ADDED", "register_row", id, unit.id(), schema.name());
		return rows.find(id).orElseThrow();
	}

	/** Changes a row; its previous values go to the history. Personal columns given as their masked form stay as stored. */
	RegisterRows.Row change(Schema schema, long id, Map<String, ?> values) {
		RegisterRows.Row row = row(schema, id);
		scope.checkWrite(row.orgPath(), row.orgUnitId(), "register_row", id);
		RowRules rules = rules(schema, unitPath(row));
		RowRules.Checked checked = rules.keepingRetired(valid(rules.check(typed(schema, values), row.values())), row.values());
		CurrentUser me = scope.user();
		stored(() -> transactions.run(() -> {
			RegisterRows.Existing same = rows.existing(schema.id(), row.orgUnitId(), List.of(checked.rowKey())).get(checked.rowKey());
			if (same != null && same.id() != id) {
				throw UserFacingException.conflict("duplicate_row", "registers.row.exists");
			}
			if (same == null || !same.fingerprint().equals(checked.fingerprint())) {
				rows.write(List.of(new RegisterRows.Write(id, schema.id(), row.orgUnitId(), row.orgPath(), checked, schema.version())), me.username(),
						Instant.now(clock));
			}
			return null;
		}));
		audit.record("REGISTER_ROW_CHANGED", "register_row", id, row.orgUnitId(), schema.name());
		return rows.find(id).orElseThrow();
	}

	/** A row with the same key columns written by someone else in the same moment is a duplicate, not an error. */
	private static <T> T stored(java.util.function.Supplier<T> write) {
		try {
			return write.get();
		} catch (DuplicateKeyException e) {
			throw UserFacingException.conflict("duplicate_row", "registers.row.exists");
		}
	}

	/** The path residents named in the row must live under: the unit's own (rows carry it). */
	private static String unitPath(RegisterRows.Row row) {
		return row.orgPath();
	}

	private static RowRules.Checked valid(RowRules.Checked checked) {
		refuse(checked);
		return checked;
	}

	private static void refuse(RowRules.Checked checked) {
		if (checked.reason() != null) {
			throw UserFacingException.badRequest("invalid_row", checked.reason().getCodes()[0], checked.reason().getArguments());
		}
	}

	private OrgUnit writableUnit(long orgUnitId) {
		OrgUnit unit = scope.writable(orgUnitId);
		// rows belong to a community (or a grid or building of it): a street's figures are the sum of its communities
		if (unit.kind().ordinal() > OrgKind.COMMUNITY.ordinal()) {
			throw UserFacingException.badRequest("invalid_unit", "registers.unit.community");
		}
		return unit;
	}

	RowRules rules(Schema schema, String unitPath) {
		return new RowRules(schema, unitPath, residents::resident, personalData);
	}

	private static Map<String, String> typed(Schema schema, Map<String, ?> values) {
		Map<String, String> typed = new HashMap<>();
		if (values != null) {
			for (Map.Entry<String, ?> e : values.entrySet()) {
				if (schema.column(e.getKey()).isEmpty()) {
					throw UserFacingException.badRequest("invalid_row", "registers.row.unknown-column", e.getKey());
				}
				Object v = e.getValue();
				typed.put(e.getKey(), v == null ? "" : v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString());
			}
		}
		return typed;
	}

	/** The result of a synchronous import, with at most {@code chuangwen.registers.reported-rows} refused rows. */
	record ImportResult(long id, int imported, int updated, int unchanged, int rejected, List<RejectedRow> rejectedRows) {}

	record RejectedRow(int row, String reason) {}

	ImportResult importRows(Schema schema, long orgUnitId, String fileName, InputStream content, Locale locale) {
		RegisterImports.Request request = request(schema, orgUnitId, fileName, content, locale);
		long id = open(request);
		imports.run(id, request);
		ImportJob job = job(id);
		return new ImportResult(id, job.imported(), job.updated(), job.unchanged(), job.rejected(), rejectedRows(id, properties.reportedRows()));
	}

	/** Starts importing on the import thread; the page polls {@link #job}. */
	long startImport(Schema schema, long orgUnitId, String fileName, InputStream content, Locale locale) {
		RegisterImports.Request request = request(schema, orgUnitId, fileName, content, locale);
		long id = open(request);
		imports.runLater(id, request);
		return id;
	}

	private long open(RegisterImports.Request request) {
		try {
			return imports.open(request);
		} catch (RuntimeException e) {
			delete(request.file());
			throw e;
		}
	}

	private RegisterImports.Request request(Schema schema, long orgUnitId, String fileName, InputStream content, Locale locale) {
		OrgUnit unit = writableUnit(orgUnitId);
		try {
			Path file = Files.createTempFile("register-", ".xlsx");
			Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
			return new RegisterImports.Request(schema, unit, scope.user().username(), fileName == null ? schema.name() + ".xlsx" : fileName, file, locale);
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

	/** An import the caller may read; 404 otherwise. */
	ImportJob job(long id) {
		ImportJob job = jdbc.sql("select * from register_import where id = :id").param("id", id).query(ImportJob::of).optional().orElse(null);
		scope.checkRead(job == null ? null : job.orgPath(), job == null ? null : job.orgUnitId(), "register_import", id);
		return job;
	}

	Optional<Schema> schemaOf(ImportJob job) {
		return schemas.all().stream().filter(s -> s.id() == job.registerId()).findFirst();
	}

	/** The newest imports of a register in the caller's scope. */
	List<ImportJob> recentImports(Schema schema, int limit) {
		return jdbc.sql("select * from register_import where register_id = :r and org_path like :path order by id desc fetch first :limit rows only")
				.param("r", schema.id())
				.param("path", scope.path() + "%")
				.param("limit", limit)
				.query(ImportJob::of)
				.list();
	}

	List<RejectedRow> rejectedRows(long id, int limit) {
		return jdbc.sql("select row_no, reason from register_import_row where import_id = :id order by row_no fetch first :limit rows only")
				.param("id", id)
				.param("limit", limit)
				.query((rs, n) -> new RejectedRow(rs.getInt(1), rs.getString(2)))
				.list();
	}
}
