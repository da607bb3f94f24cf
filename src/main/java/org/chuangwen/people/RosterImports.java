package org.chuangwen.people;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.SeenKeys;
import org.chuangwen.platform.StreamingSheet;
import org.chuangwen.platform.WriteTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Roster imports: the sheet is streamed ({@link StreamingSheet}), every row checked ({@link Roster}), and the rows
 * written in batches, each batch its own short transaction that also moves the job's counters, so the progress page
 * sees them and a failure keeps what was written before (importing the file again then finds those rows unchanged).
 * Nothing a worker uploaded is logged: a refused row is kept encrypted for the error report.
 */
@Component
class RosterImports implements DisposableBean {

	private static final StreamingSheet.Refusal SHEET = new StreamingSheet.Refusal("invalid_roster", "people.import.not-xlsx", "roster_unreadable", "people.import.unreadable");

	private static final Logger log = LoggerFactory.getLogger(RosterImports.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int CELLS_LIMIT = 6000;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final ResidentRows residents;
	private final Orgs orgs;
	private final PersonalData personalData;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final MessageSource messages;
	private final PeopleProperties properties;
	private final Clock clock;
	private final ThreadPoolTaskExecutor worker;

	RosterImports(JdbcClient jdbc, JdbcTemplate batch, ResidentRows residents, Orgs orgs, PersonalData personalData, WriteTransactions transactions,
			AuditLog audit, MessageSource messages, PeopleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.residents = residents;
		this.orgs = orgs;
		this.personalData = personalData;
		this.transactions = transactions;
		this.audit = audit;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.worker = new ThreadPoolTaskExecutor();
		worker.setCorePoolSize(1);
		worker.setMaxPoolSize(1);
		worker.setThreadNamePrefix("roster-import-");
		worker.initialize();
	}

	/** What an import needs once the caller's right to write into {@code unit} is checked. */
	record Request(OrgUnit unit, String scopePath, String actor, String fileName, Path file, Locale locale) {}

	/**
	 * Checks the file's header and opens a job. Nothing is stored when the file is not a roster.
	 *
	 * @throws org.chuangwen.platform.UserFacingException {@code 400 invalid_roster}
	 */
	long open(Request request) {
		List<List<String>> header = new ArrayList<>();
		StreamingSheet.read(request.file(), new StreamingSheet.Rows() {
			@Override
			public void header(List<String> cells) {
				header.add(cells);
				throw new StreamingSheet.Stop();
			}

			@Override
			public void row(int rowNumber, List<String> cells) {}
		}, SHEET);
		if (header.isEmpty()) {
			throw SHEET.notASheet();
		}
		roster(request, header.get(0));
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into resident_import (org_unit_id, org_path, file_name, requested_by, started_at, state, rows_read, imported, updated,
				  unchanged, rejected, headers)
				values (:unit, :path, :name, :by, :at, 'RUNNING', 0, 0, 0, 0, 0, :headers)""")
				.param("unit", request.unit().id())
				.param("path", request.unit().path())
				.param("name", clip(request.fileName(), 300))
				.param("by", request.actor())
				.param("at", Timestamp.from(Instant.now(clock)))
				.param("headers", clip(String.join("\t", header.get(0)), 4000))
				.update(key, "id");
		long id = key.getKey().longValue();
		audit.recordAs(request.actor(), "RESIDENTS_IMPORTED", "resident_import", id, request.unit().id(), "started");
		return id;
	}

	/** Runs the job on the import thread; the file is deleted when it is done. */
	void runLater(long id, Request request) {
		worker.execute(() -> run(id, request));
	}

	/** Runs the job here and now; the file is deleted when it is done. */
	void run(long id, Request request) {
		try {
			Batch rows = new Batch(id, request);
			StreamingSheet.read(request.file(), rows, SHEET);
			rows.flush();
			jdbc.sql("update resident_import set state = 'DONE', finished_at = :at where id = :id")
					.param("at", Timestamp.from(Instant.now(clock)))
					.param("id", id)
					.update();
			audit.recordAs(request.actor(), "RESIDENTS_IMPORTED", "resident_import", id, request.unit().id(),
					"imported %d, updated %d, unchanged %d, rejected %d".formatted(rows.imported, rows.updated, rows.unchanged, rows.rejected));
		} catch (RuntimeException e) {
			// the message of a database error may quote values; the log gets the type only
			log.warn("Roster import {} failed: {}", id, e.getClass().getName());
			String reason = e instanceof org.chuangwen.platform.UserFacingException u
					? messages.getMessage(u.messageKey(), u.args(), request.locale())
					: messages.getMessage("people.import.failed", null, request.locale());
			jdbc.sql("update resident_import set state = 'FAILED', finished_at = :at, error = :error where id = :id")
					.param("at", Timestamp.from(Instant.now(clock)))
					.param("error", clip(reason, 1000))
					.param("id", id)
					.update();
			throw e;
		} finally {
			try {
				Files.deleteIfExists(request.file());
			} catch (java.io.IOException e) {
				log.warn("Could not delete the uploaded roster of import {}", id);
			}
		}
	}

	private Roster roster(Request request, List<String> header) {
		List<OrgUnit> buildings = orgs.within(request.unit().path()).stream().filter(u -> u.kind() == OrgKind.BUILDING).toList();
		Set<String> careGroups = new HashSet<>(jdbc.sql("select name from care_group").query(String.class).list());
		return new Roster(header, request.unit(), buildings, careGroups);
	}

	private final class Batch implements StreamingSheet.Rows {

		private final long id;
		private final Request request;
		private final SeenKeys seen = new SeenKeys();
		private final Map<String, Pending> pending = new LinkedHashMap<>();
		private final List<Object[]> refused = new ArrayList<>();
		private Roster roster;
		private int read;
		private int imported;
		private int updated;
		private int unchanged;
		private int rejected;

		Batch(long id, Request request) {
			this.id = id;
			this.request = request;
		}

		record Pending(int row, List<String> cells, ResidentValues values) {}

		@Override
		public void header(List<String> cells) {
			roster = roster(request, cells);
		}

		@Override
		public void row(int rowNumber, List<String> cells) {
			read++;
			Roster.Checked checked = roster.check(cells);
			if (checked.reason() != null) {
				refuse(rowNumber, cells, checked.reason());
			} else {
				String hash = personalData.lookupHash(checked.values().id().value());
				if (!seen.add(hash)) {
					rejected++;
					refused.add(refusal(rowNumber, cells, "people.row.duplicate"));
				} else {
					pending.put(hash, new Pending(rowNumber, cells, checked.values()));
				}
			}
			if (pending.size() + refused.size() >= properties.importBatch()) {
				flush();
			}
		}

		private void refuse(int row, List<String> cells, MessageSourceResolvable reason) {
			rejected++;
			refused.add(refusal(row, cells, reason));
		}

		void flush() {
			// counted here and added only after the commit: a retried transaction must not count a row twice
			int[] counts = transactions.run(() -> {
				int[] c = new int[4];
				List<Object[]> rows = new ArrayList<>(refused);
				Map<String, ResidentRows.Existing> existing = residents.existing(pending.keySet());
				List<ResidentRows.Write> writes = new ArrayList<>();
				for (Map.Entry<String, Pending> entry : pending.entrySet()) {
					Pending p = entry.getValue();
					ResidentRows.Existing old = existing.get(entry.getKey());
					String fingerprint = p.values().fingerprint(personalData);
					if (old == null) {
						c[0]++;
						writes.add(new ResidentRows.Write(null, p.values(), entry.getKey(), fingerprint));
					} else if (!old.orgPath().startsWith(request.scopePath())) {
						c[3]++;
						rows.add(refusal(p.row(), p.cells(), "people.row.elsewhere"));
					} else if (old.fingerprint().equals(fingerprint)) {
						c[2]++;
					} else {
						c[1]++;
						writes.add(new ResidentRows.Write(old.id(), p.values(), entry.getKey(), fingerprint));
					}
				}
				residents.write(writes, request.actor(), Instant.now(clock));
				if (!rows.isEmpty()) {
					batch.batchUpdate("insert into resident_import_row (import_id, row_no, cells_enc, reason) values (?, ?, ?, ?)", rows);
				}
				jdbc.sql("""
						update resident_import set rows_read = :read, imported = :imported, updated = :updated, unchanged = :unchanged,
						  rejected = :rejected where id = :id""")
						.param("read", read)
						.param("imported", imported + c[0])
						.param("updated", updated + c[1])
						.param("unchanged", unchanged + c[2])
						.param("rejected", rejected + c[3])
						.param("id", id)
						.update();
				return c;
			});
			imported += counts[0];
			updated += counts[1];
			unchanged += counts[2];
			rejected += counts[3];
			pending.clear();
			refused.clear();
		}

		private Object[] refusal(int row, List<String> cells, String key, Object... args) {
			return refusal(row, cells, new DefaultMessageSourceResolvable(new String[] {key}, args));
		}

		private Object[] refusal(int row, List<String> cells, MessageSourceResolvable reason) {
			String json = JSON.writeValueAsString(cells);
			if (json.length() > CELLS_LIMIT) {
				json = JSON.writeValueAsString(cells.stream().map(c -> clip(c, CELLS_LIMIT / Math.max(1, cells.size()) - 8)).toList());
			}
			return new Object[] {id, row, personalData.encrypt(json), clip(messages.getMessage(reason, request.locale()), 500)};
		}
	}

	private static String clip(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, Math.max(0, max));
	}

	@Override
	public void destroy() {
		worker.shutdown();
	}
}
