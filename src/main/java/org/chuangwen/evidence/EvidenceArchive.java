package org.chuangwen.evidence;

import static org.chuangwen.platform.Text.blankToNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Edition;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.platform.FieldChange;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.BlobStore;
import org.chuangwen.platform.Dates;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Filing, finding, recycling and restoring materials, and the archive box view. Every call is checked against
 * the caller's data scope; a refused filing leaves no row and no file behind.
 */
@Service
public class EvidenceArchive {

	private final MaterialRepository materials;
	private final JdbcClient jdbc;
	private final MaterialReader reader;
	private final BlobStore blobs;
	private final Catalog catalog;
	private final DataScope scope;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final EvidenceProperties properties;
	private final Clock clock;
	private final WriteTransactions writes;
	private final FileIntake intake;
	private final MaterialEdits edits;
	private final FileDates dates;

	EvidenceArchive(MaterialRepository materials, JdbcClient jdbc, MaterialReader reader, BlobStore blobs, Catalog catalog,
			DataScope scope, AuditLog audit, ApplicationEventPublisher events, EvidenceProperties properties, Clock clock,
			WriteTransactions writes, FileIntake intake, MaterialEdits edits, FileDates dates) {
		this.edits = edits;
		this.dates = dates;
		this.materials = materials;
		this.jdbc = jdbc;
		this.reader = reader;
		this.blobs = blobs;
		this.catalog = catalog;
		this.scope = scope;
		this.audit = audit;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		this.writes = writes;
		this.intake = intake;
	}

	/**
	 * Files a material with its files against one or more indicators. Everything is checked before anything is
	 * stored: unit in the caller's scope, kind of the edition, title, date, indicators, and every file's size and
	 * content type.
	 *
	 * <p>When this returns, the rows are committed and every file is on disk: the files are stored (and forced to
	 * disk) first, outside any transaction, then the rows are written in one short transaction, retried when it
	 * conflicts with a concurrent filing. If the rows are not committed, the blobs this filing created are removed
	 * again, unless a concurrent filing of the same bytes holds or references them. Called inside a caller's
	 * transaction, the rows join it and the cleanup waits for its outcome.
	 *
	 * @return the stored material, never null
	 * @throws UserFacingException with a message naming the problem (and the file, where one is at fault), or
	 *     {@code 503 busy} when the database stays too contended
	 */
	public MaterialDetails file(NewMaterial material, List<Upload> uploads) {
		if (material.orgUnitId() == null) {
			throw UserFacingException.badRequest("missing_unit", "error.material.unit");
		}
		OrgUnit unit = scope.writable(material.orgUnitId());
		Edition edition = catalog.active();
		String kind = MaterialFields.kind(edition, material.kind());
		String title = MaterialFields.title(material.title());
		LocalDate today = LocalDate.now(clock.withZone(MaterialReader.SHANGHAI));
		if (material.dateFormed() != null) {
			MaterialFields.dateFormed(material.dateFormed(), today);
		}
		String party = MaterialFields.party(material.responsibleParty());
		String number = MaterialFields.documentNumber(material.documentNumber());
		List<Indicator> indicators = catalog.resolveAll(material.indicatorCodes());
		List<FileTypes.Inspected> inspected = intake.inspect(uploads);
		// without a date typed, the date the files carry (EXIF, document properties); never silently today
		FileDates.Found carried = material.dateFormed() == null ? dates.first(uploads, inspected, today) : null;
		LocalDate dateFormed = MaterialFields.dateFormed(material.dateFormed() != null ? material.dateFormed() : carried == null ? null : carried.date(),
				today);
		String uploadedBy = scope.user().username();

		FileIntake.Stored files = intake.store(uploads, inspected);
		List<Material.StoredFile> stored = files.files();
		Supplier<MaterialDetails> rows = () -> {
			Material saved = materials.save(Material.file(unit.id(), unit.path(), kind, title, dateFormed, party, number, uploadedBy,
					Instant.now(clock), stored, indicators.stream().map(i -> new Material.IndicatorLink(i.id())).collect(Collectors.toSet())));
			// last: listeners update counter rows every filing of the same box shares; they stay locked only until the commit
			events.publishEvent(saved.filed());
			return details(saved.id());
		};
		// the audit log writes in a transaction of its own: recorded once the rows are in, never once per retry
		MaterialDetails filed;
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					files.settle(status == STATUS_COMMITTED);
				}
			});
			filed = rows.get();
		} else {
			boolean committed = false;
			try {
				filed = writes.run(rows);
				committed = true;
			} finally {
				files.settle(committed);
			}
		}
		audit.record("MATERIAL_FILED", "material", filed.id(), unit.id(),
				kind + " / " + title + " / " + stored.size() + " file(s) / " + indicators.stream().map(Indicator::code).toList());
		return filed;
	}

	/**
	 * Proposes title, date formed and 责任者 for files about to be filed into {@code orgUnitId} (may be null). The files
	 * are inspected as at filing (a file that would be refused is refused here) and nothing is stored.
	 */
	MaterialProposal propose(Long orgUnitId, List<Upload> uploads) {
		String party = orgUnitId == null ? null : scope.readable(orgUnitId).name();
		List<FileTypes.Inspected> inspected = intake.inspect(uploads);
		FileDates.Found found = dates.first(uploads, inspected, LocalDate.now(clock.withZone(MaterialReader.SHANGHAI)));
		String name = FileIntake.displayName(uploads.get(0));
		String title = name.lastIndexOf('.') > 0 ? name.substring(0, name.lastIndexOf('.')) : name;
		return new MaterialProposal(title.strip(), found == null ? null : found.date(),
				found == null ? null : found.source().name().toLowerCase(java.util.Locale.ROOT), party);
	}

	/** A material in the caller's scope, live or recycled; 404 otherwise. */
	@Transactional(readOnly = true)
	public MaterialDetails find(long id) {
		Material material = readable(id);
		MaterialRow row = reader.row(material.id());
		List<Indicator> indicators = material.indicatorIds().stream().flatMap(i -> catalog.find(i).stream()).toList();
		return new MaterialDetails(row, material.deletedBy(), indicators);
	}

	/**
	 * Which of these materials are live (filed, not in the recycle bin), in one query. Unscoped, because it reveals
	 * nothing but that: for modules that keep material ids on their own rows (an activity's stages) and must not read
	 * the material table themselves. Unknown ids count as not live; never returns null.
	 */
	@Transactional(readOnly = true)
	public Set<Long> live(Collection<Long> materialIds) {
		return reader.live(materialIds);
	}

	/** Describes file {@code index} (0-based) of a material in the caller's scope. */
	@Transactional(readOnly = true)
	FileDownload download(long id, int index) {
		Material material = readable(id);
		if (index < 0 || index >= material.files().size()) {
			throw UserFacingException.notFound("error.material.file-not-found", index);
		}
		Material.StoredFile file = material.files().get(index);
		return new FileDownload(StoredNames.matching(file.name(), file.contentType()), file.contentType(), file.size(), file.sha256());
	}

	/**
	 * The most pixels a photo may have to be decoded for print ({@code chuangwen.evidence.inspection.max-image-pixels});
	 * uploads above it are refused, older files above it are left out of printed pages.
	 */
	public long maxImagePixels() {
		return properties.inspection().maxImagePixels();
	}

	/** Opens the bytes of a file previously described by {@link #download}. */
	InputStream open(FileDownload file) {
		return open(file.sha256());
	}

	/** Opens the bytes of a file listed in a material row the caller was allowed to read. */
	public InputStream open(FileInfo file) {
		return open(file.sha256());
	}

	private InputStream open(String sha256) {
		try {
			return blobs.open(sha256);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Transactional(readOnly = true)
	Page<MaterialRow> search(MaterialQuery query) {
		String unitPath = query.orgUnitId() == null ? null : scope.readable(query.orgUnitId()).path();
		Long indicatorId = query.indicatorCode() == null || query.indicatorCode().isBlank() ? null : catalog.resolve(query.indicatorCode()).id();
		MaterialReader.SearchResult result = reader.search(query, scope.path(), unitPath, indicatorId);
		return new PageImpl<>(result.rows(), PageRequest.of(query.page(), query.size()), result.total());
	}

	/**
	 * Corrects what was said about a material (title, kind, date formed, 责任者, 文号, unit, indicators); fields left
	 * null stay. Checked as at filing, all or nothing; every changed field is kept in the history and audited. A new
	 * year, kind, unit or indicator list moves the material in readiness and gives it a new archival number there.
	 *
	 * @return the material as it is now, never null
	 * @throws UserFacingException 404 outside the caller's scope, 403 for a read-only role, 400 as at filing
	 */
	MaterialDetails correct(long id, MaterialCorrection correction) {
		// retried as a whole when it meets a printing of the same box (both lock the box's row, in different orders)
		MaterialEdits.Applied applied = writes.run(() -> edits.correct(id, correction));
		edits.audit(id, applied);
		return details(id);
	}

	/** The corrections of a material in the caller's scope, field by field, oldest first. */
	@Transactional(readOnly = true)
	List<FieldChange> history(long id) {
		return edits.history(id);
	}

	/** Moves a material to the recycle bin. It stops counting as evidence but nothing is erased. */
	@Transactional
	void recycle(long id) {
		Material material = writable(id);
		MaterialRecycled recycled = material.recycle(scope.user().username(), Instant.now(clock));
		if (recycled != null) {
			materials.save(material);
			events.publishEvent(recycled);
			audit.record("MATERIAL_RECYCLED", "material", id, material.orgUnitId(), material.title());
		}
	}

	/** Brings a material back from the recycle bin. */
	@Transactional
	void restore(long id) {
		Material material = writable(id);
		MaterialRestored restored = material.restore();
		if (restored != null) {
			materials.save(material);
			events.publishEvent(restored);
			audit.record("MATERIAL_RESTORED", "material", id, material.orgUnitId(), material.title());
		}
	}

	/** Writes the caption of one photo, replacing what was there. */
	@Transactional
	void caption(PhotoRef photo, PhotoCaption caption) {
		captionAll(List.of(photo), caption, true);
	}

	/**
	 * Fills the same fields (say 时间, 地点 and 摄影者) into the captions of several photos at once; fields the
	 * patch leaves empty keep what each photo had.
	 *
	 * @return how many photos were captioned
	 */
	@Transactional
	public int captionAll(List<PhotoRef> photos, PhotoCaption patch) {
		return captionAll(photos, patch, false);
	}

	/**
	 * Saves a box's caption sheet in one transaction: each row's caption replaces what its photo had, then the bulk
	 * fields fill the selected photos. A refused row (too long, not a photo, out of scope) saves nothing of the sheet.
	 *
	 * @return how many photos the sheet captioned
	 */
	@Transactional
	int captionSheet(List<CaptionSheet.Row> rows, List<PhotoRef> selected, PhotoCaption bulk) {
		for (CaptionSheet.Row row : rows) {
			captionAll(List.of(row.photo()), row.caption(), true);
		}
		if (!selected.isEmpty()) {
			captionAll(selected, bulk, false);
		}
		return Math.max(rows.size(), selected.size());
	}

	private int captionAll(List<PhotoRef> photos, PhotoCaption caption, boolean replace) {
		checkCaption(caption);
		// a photo is not taken in the future; a day of slack for a camera clock set a zone ahead
		Dates.requireWithin("takenAt", caption.takenAt(), Dates.EARLIEST.atStartOfDay(),
				LocalDateTime.now(clock.withZone(MaterialReader.SHANGHAI)).plusDays(1));
		for (PhotoRef photo : photos) {
			Material material = writable(photo.materialId());
			if (photo.index() < 0 || photo.index() >= material.files().size()) {
				throw UserFacingException.notFound("error.material.file-not-found", photo.index());
			}
			FileInfo file = reader.row(material.id()).files().get(photo.index());
			if (!file.photo()) {
				throw UserFacingException.badRequest("not_a_photo", "error.caption.not-a-photo", file.name());
			}
			PhotoCaption merged = replace ? caption : file.caption().with(caption);
			jdbc.sql("delete from photo_caption where material = :m and idx = :i").param("m", material.id()).param("i", photo.index()).update();
			jdbc.sql("""
					insert into photo_caption (material, idx, title, taken_at, place, people, photographer)
					values (:m, :i, :title, :taken, :place, :people, :photographer)""")
					.param("m", material.id())
					.param("i", photo.index())
					.param("title", merged.title())
					.param("taken", merged.takenAt() == null ? null : java.sql.Timestamp.valueOf(merged.takenAt()))
					.param("place", merged.place())
					.param("people", merged.people())
					.param("photographer", merged.photographer())
					.update();
			audit.record("PHOTO_CAPTIONED", "material", material.id(), material.orgUnitId(), "file " + photo.index());
		}
		return photos.size();
	}

	private static void checkCaption(PhotoCaption caption) {
		if (longer(caption.title(), 300) || longer(caption.place(), 200) || longer(caption.people(), 300) || longer(caption.photographer(), 100)) {
			throw UserFacingException.badRequest("invalid_caption", "error.caption.too-long");
		}
	}

	private static boolean longer(String text, int limit) {
		return text != null && text.length() > limit;
	}

	/** The archive box of an indicator under a unit (normally a community) in the caller's scope. */
	@Transactional(readOnly = true)
	public ArchiveBox box(long orgUnitId, String indicatorCode) {
		OrgUnit unit = scope.readable(orgUnitId);
		Indicator indicator = catalog.resolve(indicatorCode);
		List<MaterialRow> rows = reader.inBox(unit.path(), indicator.id());
		Map<String, Map<Integer, List<MaterialRow>>> byKind = new LinkedHashMap<>();
		indicator.evidenceKinds().forEach(k -> byKind.put(k, new TreeMap<>()));
		for (MaterialRow row : rows) {
			byKind.computeIfAbsent(row.kind(), k -> new TreeMap<>()).computeIfAbsent(row.year(), y -> new ArrayList<>()).add(row);
		}
		Set<String> required = Set.copyOf(indicator.evidenceKinds());
		List<ArchiveBox.KindShelf> shelves = new ArrayList<>();
		byKind.forEach((kind, years) -> shelves.add(new ArchiveBox.KindShelf(kind, required.contains(kind),
				years.entrySet().stream().map(e -> new ArchiveBox.YearGroup(e.getKey(), e.getValue())).toList())));
		return new ArchiveBox(unit, indicator, catalog.active().period(), shelves, rows);
	}

	private MaterialDetails details(long id) {
		Material material = materials.findById(id).orElseThrow();
		List<Indicator> indicators = material.indicatorIds().stream().flatMap(i -> catalog.find(i).stream()).toList();
		return new MaterialDetails(reader.row(id), material.deletedBy(), indicators);
	}

	private Material readable(long id) {
		Material material = materials.findById(id).orElse(null);
		scope.checkRead(material == null ? null : material.orgPath(), material == null ? null : material.orgUnitId(), "material", id);
		return material;
	}

	private Material writable(long id) {
		Material material = readable(id);
		scope.checkWrite(material.orgPath(), material.orgUnitId(), "material", id);
		return material;
	}
}
