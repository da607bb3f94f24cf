package org.chuangwen.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chuangwen.platform.Zones;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * ZIP exports of one box or every box of a community, built in the background one at a time, as the user who
 * asked (so with their scope). The ZIP is written under a temporary name and renamed when complete; jobs cut off by
 * a restart run again on the next start.
 */
@Service
class Exports {

	private static final Logger log = LoggerFactory.getLogger(Exports.class);
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(Zones.SHANGHAI);

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final DataScope scope;
	private final Orgs orgs;
	private final Accounts accounts;
	private final PrintArchive print;
	private final ExportWriter writer;
	private final ArchiveProperties properties;
	private final AuditLog audit;
	private final MessageSource messages;
	private final Clock clock;
	private final TaskExecutor executor;

	Exports(JdbcClient jdbc, Catalog catalog, DataScope scope, Orgs orgs, Accounts accounts, PrintArchive print, ExportWriter writer,
			ArchiveProperties properties, AuditLog audit, MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.scope = scope;
		this.orgs = orgs;
		this.accounts = accounts;
		this.print = print;
		this.writer = writer;
		this.properties = properties;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
		pool.setCorePoolSize(1);
		pool.setMaxPoolSize(1);
		pool.setThreadNamePrefix("export-");
		pool.initialize();
		this.executor = pool;
	}

	/**
	 * Asks for an export of the community of {@code orgUnitId}: the boxes of {@code indicatorCodes}, or all when
	 * empty. The job starts once this transaction commits.
	 */
	@Transactional
	public ExportJob request(long orgUnitId, List<String> indicatorCodes, Integer photosPerPage) {
		OrgUnit unit = scope.readable(orgUnitId);
		OrgUnit community = orgs.communityOf(unit)
				.orElseThrow(() -> UserFacingException.badRequest("not_a_community", "error.export.community", unit.name()));
		List<String> codes = indicatorCodes == null || indicatorCodes.isEmpty()
				? List.of()
				: catalog.resolveAll(indicatorCodes).stream().map(Indicator::code).toList();
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into export_job (org_unit_id, org_path, indicator_codes, photos_per_page, requested_by, requested_at, state, progress)
				values (:unit, :path, :codes, :perPage, :by, :at, 'QUEUED', 0)""")
				.param("unit", community.id())
				.param("path", community.path())
				.param("codes", String.join(",", codes))
				.param("perPage", print.perPage(photosPerPage))
				.param("by", scope.user().username())
				.param("at", Timestamp.from(Instant.now(clock)))
				.update(key, "id");
		long id = key.getKey().longValue();
		audit.record("EXPORT_REQUESTED", "export", id, community.id(), codes.isEmpty() ? "all boxes" : String.join(",", codes));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				start(id);
			}
		});
		return find(id);
	}

	/** A job in the caller's scope; 404 otherwise. */
	public ExportJob find(long id) {
		ExportJob job = load(id);
		scope.checkRead(job == null ? null : pathOf(id), job == null ? null : job.orgUnitId(), "export", id);
		return job;
	}

	/** What the caller may export: the communities in their scope, in the order of the org tree. */
	List<OrgUnit> communities() {
		return orgs.within(scope.path()).stream().filter(u -> u.kind() == OrgKind.COMMUNITY).toList();
	}

	/** The newest jobs in the caller's scope. */
	public List<ExportJob> recent(int limit) {
		return named(jdbc.sql(SELECT + " where j.org_path like :path order by j.id desc fetch first :limit rows only")
				.param("path", scope.path() + "%")
				.param("limit", limit)
				.query(this::job)
				.list());
	}

	/** The finished ZIP of a job in the caller's scope. */
	public Path file(long id) {
		ExportJob job = find(id);
		if (!job.done()) {
			throw UserFacingException.conflict("export_not_ready", "error.export.not-ready");
		}
		return zipOf(id);
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeInterrupted() {
		jdbc.sql("select id from export_job where state in ('QUEUED', 'RUNNING') order by id").query(Long.class).list().forEach(this::start);
	}

	private void start(long id) {
		executor.execute(() -> run(id));
	}

	private void run(long id) {
		ExportJob job = load(id);
		if (job == null || job.finished()) {
			return;
		}
		update(id, "update export_job set state = 'RUNNING', progress = 0, error = null where id = :id");
		Path part = properties.exportDir().resolve("export-" + id + ".zip.part");
		try {
			int entries = accounts.callAs(job.requestedBy(), () -> write(job, part));
			Files.move(part, zipOf(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			jdbc.sql("""
					update export_job set state = 'DONE', progress = 100, file_name = :name, file_size = :size, entries = :entries,
					finished_at = :at where id = :id""")
					.param("name", fileName(job))
					.param("size", Files.size(zipOf(id)))
					.param("entries", entries)
					.param("at", Timestamp.from(Instant.now(clock)))
					.param("id", id)
					.update();
		} catch (RuntimeException | IOException | Error e) {
			// an OutOfMemoryError of one export must not leave its job RUNNING forever
			log.warn("export {} failed", id, e);
			String reason = e instanceof UserFacingException u
					? messages.getMessage(u.messageKey(), u.args(), Locale.SIMPLIFIED_CHINESE)
					: messages.getMessage("error.export.failed", null, Locale.SIMPLIFIED_CHINESE);
			jdbc.sql("update export_job set state = 'FAILED', error = :error, finished_at = :at where id = :id")
					.param("error", reason)
					.param("at", Timestamp.from(Instant.now(clock)))
					.param("id", id)
					.update();
			try {
				Files.deleteIfExists(part);
			} catch (IOException ignored) {
				// a stale part file is overwritten by the next attempt
			}
		}
	}

	private int write(ExportJob job, Path part) {
		List<String> codes = job.allBoxes() ? catalog.indicators().stream().map(Indicator::code).toList() : job.indicatorCodes();
		List<PrintedBox> boxes = codes.stream().map(code -> print.box(job.orgUnitId(), code)).toList();
		try {
			Files.createDirectories(part.getParent());
			try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(part), 256 * 1024)) {
				return writer.write(boxes, job.photosPerPage(), out, percent -> jdbc.sql("update export_job set progress = :p where id = :id")
						.param("p", percent)
						.param("id", job.id())
						.update(), part.getParent());
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String fileName(ExportJob job) {
		String boxes = job.allBoxes() ? "全部档案盒" : String.join("_", job.indicatorCodes());
		return ExportWriter.safe(job.orgUnitName() + "-" + boxes + "-" + STAMP.format(Instant.now(clock))) + ".zip";
	}

	private Path zipOf(long id) {
		return properties.exportDir().resolve("export-" + id + ".zip");
	}

	private static final String SELECT = """
			select j.id, j.org_unit_id, j.indicator_codes, j.photos_per_page, j.requested_by, j.requested_at,
			       j.state, j.progress, j.file_name, j.file_size, j.entries, j.error, j.finished_at
			from export_job j""";

	private ExportJob load(long id) {
		return named(jdbc.sql(SELECT + " where j.id = :id").param("id", id).query(this::job).list()).stream().findFirst().orElse(null);
	}

	/** The jobs with their community's name, asked of the org tree in one query (orgs' table is not archive's to join). */
	private List<ExportJob> named(List<ExportJob> jobs) {
		Map<Long, OrgUnit> units = orgs.units(jobs.stream().map(ExportJob::orgUnitId).toList());
		return jobs.stream().map(j -> {
			OrgUnit unit = units.get(j.orgUnitId());
			return new ExportJob(j.id(), j.orgUnitId(), unit == null ? null : unit.name(), j.indicatorCodes(), j.photosPerPage(), j.requestedBy(),
					j.requestedAt(), j.state(), j.progress(), j.fileName(), j.fileSize(), j.entries(), j.error(), j.finishedAt());
		}).toList();
	}

	private String pathOf(long id) {
		return jdbc.sql("select org_path from export_job where id = :id").param("id", id).query(String.class).single();
	}

	private void update(long id, String sql) {
		jdbc.sql(sql).param("id", id).update();
	}

	private ExportJob job(ResultSet rs, int row) throws SQLException {
		String codes = rs.getString("indicator_codes");
		Timestamp finished = rs.getTimestamp("finished_at");
		return new ExportJob(rs.getLong("id"), rs.getLong("org_unit_id"), null,
				codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(",")), rs.getInt("photos_per_page"),
				rs.getString("requested_by"), rs.getTimestamp("requested_at").toInstant(), ExportJob.State.valueOf(rs.getString("state")),
				rs.getInt("progress"), rs.getString("file_name"), (Long) rs.getObject("file_size", Long.class),
				(Integer) rs.getObject("entries", Integer.class), rs.getString("error"), finished == null ? null : finished.toInstant());
	}
}
