package org.chuangwen.registers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.people.ResidentRef;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.SeenKeys;
import org.chuangwen.platform.StreamingSheet;
import org.chuangwen.platform.UserFacingException;
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
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Component;

/**
 * Register imports, in the shape of the roster import: the sheet is streamed ({@link StreamingSheet}), every row checked
 * ({@link RowRules}), and the rows written in batches, each batch its own short transaction that also moves the job's
 * counters, so a progress page sees them and a failure keeps what was written before (the same file imported again then
 * finds those rows unchanged). A refused row is kept encrypted for the error report, never logged.
 */
@Component
class RegisterImports implements DisposableBean {

	private static final StreamingSheet.Refusal SHEET = new StreamingSheet.Refusal("invalid_sheet", "registers.import.not-xlsx", "sheet_unreadable", "registers.import.unreadable");

	private static final Logger log = LoggerFactory.getLogger(RegisterImports.class);
	private static final int CELLS_LIMIT = 12000;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final RegisterRows rows;
	private final Residents residents;
	private final PersonalData personalData;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final MessageSource messages;
	private final RegistersProperties properties;
	private final Clock clock;
	private final ThreadPoolTaskExecutor worker;

	RegisterImports(JdbcClient jdbc, JdbcTemplate batch, RegisterRows rows, Residents residents, PersonalData personalData,
			WriteTransactions transactions, AuditLog audit, MessageSource messages, RegistersProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.rows = rows;
		this.residents = residents;
		this.personalData = personalData;
		this.transactions = transactions;
		this.audit = audit;
		this.messages = messages;
		this.properties = properties;
		this.clock = clock;
		this.worker = new ThreadPoolTaskExecutor();
		worker.setCorePoolSize(1);
		worker.setMaxPoolSize(1);
		worker.setThreadNamePrefix("register-import-");
		worker.initialize();
	}

	/** What an import needs once the caller's right to write into {@code unit} is checked. */
	record Request(Schema schema, OrgUnit unit, String actor, String fileName, Path file, Locale locale) {}

	/**
	 * Checks the file's header against the schema and opens a job. Nothing is stored when the file does not fit.
	 *
	 * @throws UserFacingException {@code 400 invalid_sheet}
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
		positions(request.schema(), header.get(0));
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into register_import (register_id, org_unit_id, org_path, file_name, requested_by, started_at, state, rows_read, imported, updated,
				  unchanged, rejected, headers)
				values (:register, :unit, :path, :name, :by, :at, 'RUNNING', 0, 0, 0, 0, 0, :headers)""")
				.param("register", request.schema().id())
				.param("unit", request.unit().id())
				.param("path", request.unit().path())
				.param("name", clip(request.fileName(), 300))
				.param("by", request.actor())
				.param("at", Timestamp.from(Instant.now(clock)))
				.param("headers", clip(String.join("\t", header.get(0)), 4000))
				.update(key, "id");
		long id = key.getKey().longValue();
		audit.recordAs(request.actor(), "REGISTER_IMPORTED", "register_import", id, request.unit().id(), request.schema().name() + " started");
		return id;
	}

	/** Where each column of the schema stands in the sheet, found by its label (or key); -1 when absent. */
	static Map<String, Integer> positions(Schema schema, List<String> header) {
		Map<String, Integer> at = new HashMap<>();
		for (int i = header.size() - 1; i >= 0; i--) {
			at.put(header.get(i).strip(), i);
		}
		Map<String, Integer> positions = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (Column c : schema.columns()) {
			Integer i = at.getOrDefault(c.label(), at.get(c.key()));
			positions.put(c.key(), i == null ? -1 : i);
			if (i == null && c.required()) {
				missing.add(c.label());
			}
		}
		if (!missing.isEmpty() || positions.values().stream().allMatch(i -> i < 0)) {
			throw UserFacingException.badRequest("invalid_sheet", "registers.import.missing-columns",
					String.join("、", missing.isEmpty() ? schema.columns().stream().map(Column::label).toList() : missing));
		}
		return positions;
	}

	/** Runs the job on the import thread, as the caller; the file is deleted when it is done. */
	void runLater(long id, Request request) {
		worker.execute(new DelegatingSecurityContextRunnable(() -> run(id, request)));
	}

	/** Runs the job here and now; the file is deleted when it is done. */
	void run(long id, Request request) {
		try {
			Batch rows = new Batch(id, request);
			StreamingSheet.read(request.file(), rows, SHEET);
			rows.flush();
			jdbc.sql("update register_import set state = 'DONE', finished_at = :at where id = :id")
					.param("at", Timestamp.from(Instant.now(clock)))
					.param("id", id)
					.update();
			audit.recordAs(request.actor(), "REGISTER_IMPORTED", "register_import", id, request.unit().id(),
					"%s: imported %d, updated %d, unchanged %d, rejected %d".formatted(request.schema().name(), rows.imported, rows.updated, rows.unchanged,
							rows.rejected));
		} catch (RuntimeException e) {
			// the message of a database error may quote values; the log gets the type only
			log.warn("Register import {} failed: {}", id, e.getClass().getName());
			String reason = e instanceof UserFacingException u
					? messages.getMessage(u.messageKey(), u.args(), request.locale())
					: messages.getMessage("registers.import.failed", null, request.locale());
			jdbc.sql("update register_import set state = 'FAILED', finished_at = :at, error = :error where id = :id")
					.param("at", Timestamp.from(Instant.now(clock)))
					.param("error", clip(reason, 1000))
					.param("id", id)
					.update();
			throw e;
		} finally {
			try {
				Files.deleteIfExists(request.file());
			} catch (java.io.IOException e) {
				log.warn("Could not delete the uploaded sheet of register import {}", id);
			}
		}
	}

	private final class Batch implements StreamingSheet.Rows {

		private final long id;
		private final Request request;
		private final SeenKeys seen = new SeenKeys();
		private final Map<String, Pending> pending = new LinkedHashMap<>();
		private final List<Object[]> refused = new ArrayList<>();
		private final Map<Long, Optional<ResidentRef>> people = new HashMap<>();
		private final RowRules rules;
		private Map<String, Integer> positions;
		private int read;
		private int imported;
		private int updated;
		private int unchanged;
		private int rejected;

		Batch(long id, Request request) {
			this.id = id;
			this.request = request;
			// one lookup per resident named, however many rows name them
			this.rules = new RowRules(request.schema(), request.unit().path(), rid -> people.computeIfAbsent(rid, residents::resident), personalData);
		}

		record Pending(int row, List<String> cells, RowRules.Checked checked) {}

		@Override
		public void header(List<String> cells) {
			positions = positions(request.schema(), cells);
		}

		@Override
		public void row(int rowNumber, List<String> cells) {
			read++;
			Map<String, String> typed = new HashMap<>();
			positions.forEach((key, at) -> typed.put(key, at >= 0 && at < cells.size() ? cells.get(at) : ""));
			RowRules.Checked checked = rules.check(typed, Map.of());
			if (checked.reason() != null) {
				rejected++;
				refused.add(refusal(rowNumber, cells, checked.reason()));
			} else if (!seen.add(checked.rowKey())) {
				rejected++;
				refused.add(refusal(rowNumber, cells, new DefaultMessageSourceResolvable(new String[] {"registers.row.duplicate"}, new Object[0])));
			} else {
				pending.put(checked.rowKey(), new Pending(rowNumber, cells, checked));
			}
			if (pending.size() + refused.size() >= properties.importBatch()) {
				flush();
			}
		}

		void flush() {
			// counted here and added only after the commit: a retried transaction must not count a row twice
			int[] counts = transactions.run(() -> {
				int[] c = new int[3];
				Map<String, RegisterRows.Existing> existing = rows.existing(request.schema().id(), request.unit().id(), pending.keySet());
				List<RegisterRows.Write> writes = new ArrayList<>();
				for (Map.Entry<String, Pending> entry : pending.entrySet()) {
					RowRules.Checked checked = entry.getValue().checked();
					RegisterRows.Existing old = existing.get(entry.getKey());
					if (old == null) {
						c[0]++;
						writes.add(new RegisterRows.Write(null, request.schema().id(), request.unit().id(), request.unit().path(), checked,
								request.schema().version()));
					} else if (old.fingerprint().equals(checked.fingerprint())) {
						c[2]++;
					} else {
						c[1]++;
						writes.add(new RegisterRows.Write(old.id(), request.schema().id(), request.unit().id(), request.unit().path(),
								rules.keepingRetired(checked, RegisterRows.values(old.valuesJson())), request.schema().version()));
					}
				}
				rows.write(writes, request.actor(), Instant.now(clock));
				if (!refused.isEmpty()) {
					batch.batchUpdate("insert into register_import_row (import_id, row_no, cells_enc, reason) values (?, ?, ?, ?)", refused);
				}
				jdbc.sql("""
						update register_import set rows_read = :read, imported = :imported, updated = :updated, unchanged = :unchanged,
						  rejected = :rejected where id = :id""")
						.param("read", read)
						.param("imported", imported + c[0])
						.param("updated", updated + c[1])
						.param("unchanged", unchanged + c[2])
						.param("rejected", rejected)
						.param("id", id)
						.update();
				return c;
			});
			imported += counts[0];
			updated += counts[1];
			unchanged += counts[2];
			pending.clear();
			refused.clear();
		}

		private Object[] refusal(int row, List<String> cells, MessageSourceResolvable reason) {
			String json = SchemaBook.JSON.writeValueAsString(cells);
			if (json.length() > CELLS_LIMIT) {
				json = SchemaBook.JSON.writeValueAsString(cells.stream().map(c -> clip(c, CELLS_LIMIT / Math.max(1, cells.size()) - 8)).toList());
			}
			return new Object[] {id, row, personalData.encrypt(json), clip(messages.getMessage(reason, request.locale()), 500)};
		}
	}

	static String clip(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, Math.max(0, max));
	}

	@Override
	public void destroy() {
		worker.shutdown();
	}
}
