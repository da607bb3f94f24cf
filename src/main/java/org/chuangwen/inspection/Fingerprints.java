package org.chuangwen.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.FileInfo;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fingerprint rows: taken when a material is filed or corrected (see {@link FingerprintListener}) and, for materials
 * filed before this module existed or whose fingerprinting failed, by {@link #scan} before a unit's signals are read.
 * Reading is through evidence's published API in the caller's scope; the bytes are opened once per file.
 */
@Component
class Fingerprints {

	private static final Logger log = LoggerFactory.getLogger(Fingerprints.class);
	private static final String COLUMNS = "material_id, file_index, title, org_unit_id, org_path, photo, sha256, dhash, taken_at, document_created, date_formed";
	/** Ids per {@code in (...)} list: well below every database's limit on bind parameters. */
	private static final int CHUNK = 500;

	private final JdbcClient jdbc;
	private final EvidenceArchive archive;
	private final Catalog catalog;
	private final Orgs orgs;
	private final TransactionTemplate ownTransaction;
	/** Fingerprints queued or being taken after filings ({@link FingerprintListener}); reads wait for them a moment. */
	private final Object quiet = new Object();
	private int pending;

	Fingerprints(JdbcClient jdbc, EvidenceArchive archive, Catalog catalog, Orgs orgs, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.archive = archive;
		this.catalog = catalog;
		this.orgs = orgs;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * (Re)takes the fingerprints of a material in the caller's scope, replacing what was kept. Runs in a transaction
	 * of its own: called after the filing committed, it must not depend on (or hold up) the filing's.
	 */
	void refresh(long materialId, String orgPath) {
		MaterialRow row = archive.find(materialId).row();
		List<Fingerprint> taken = take(row, orgPath);
		try {
			ownTransaction.executeWithoutResult(status -> {
				jdbc.sql("delete from inspection_fingerprint where material_id = :m").param("m", materialId).update();
				taken.forEach(this::insert);
			});
		} catch (DuplicateKeyException concurrent) {
			// a scan took the same material at the same moment: its rows are the ones just computed
			log.debug("fingerprints of material {} taken concurrently", materialId);
		}
	}

	/**
	 * The live materials at or below {@code unit} (its boxes, each material once, in id order), after fingerprinting
	 * those not yet fingerprinted.
	 */
	List<MaterialRow> scan(OrgUnit unit) {
		Map<Long, MaterialRow> rows = new LinkedHashMap<>();
		for (Indicator indicator : catalog.indicators()) {
			archive.box(unit.id(), indicator.code()).materials().forEach(m -> rows.putIfAbsent(m.id(), m));
		}
		ensure(rows.values());
		return rows.values().stream().sorted(java.util.Comparator.comparingLong(MaterialRow::id)).toList();
	}

	void queued() {
		synchronized (quiet) {
			pending++;
		}
	}

	void taken() {
		synchronized (quiet) {
			pending--;
			quiet.notifyAll();
		}
	}

	/**
	 * Waits (at most {@link #SETTLE}) until the fingerprints of recent filings are taken, so that a reader right after an
	 * upload sees the signals it makes — the same photo in another community is found only once that one is fingerprinted.
	 */
	void settle() {
		long end = System.nanoTime() + SETTLE.toNanos();
		synchronized (quiet) {
			while (pending > 0) {
				long left = end - System.nanoTime();
				if (left <= 0) {
					return;
				}
				try {
					quiet.wait(Math.max(1, left / 1_000_000));
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(10);

	/** Fingerprints those of these materials (read in the caller's scope) that were never fingerprinted. */
	void ensure(Collection<MaterialRow> rows) {
		settle();
		Set<Long> known = known(rows.stream().map(MaterialRow::id).toList());
		List<MaterialRow> missing = rows.stream().filter(m -> !known.contains(m.id())).toList();
		if (missing.isEmpty()) {
			return;
		}
		Map<Long, OrgUnit> units = orgs.units(missing.stream().map(MaterialRow::orgUnitId).toList());
		for (MaterialRow row : missing) {
			List<Fingerprint> taken = take(row, units.get(row.orgUnitId()).path());
			try {
				ownTransaction.executeWithoutResult(status -> taken.forEach(this::insert));
			} catch (DuplicateKeyException concurrent) {
				// taken at the same moment by the filing's listener or another scan: the same rows
				log.debug("fingerprints of material {} taken concurrently", row.id());
			}
		}
	}

	/** The fingerprints of these materials. */
	List<Fingerprint> ofMaterials(Collection<Long> materialIds) {
		List<Fingerprint> found = new ArrayList<>();
		for (List<Long> chunk : chunks(materialIds)) {
			found.addAll(jdbc.sql("select " + COLUMNS + " from inspection_fingerprint where material_id in (:ids) order by material_id, file_index")
					.param("ids", chunk).query(Fingerprints::fingerprint).list());
		}
		return found;
	}

	/** Photos holding any of these SHA-256 sums, wherever they were filed. */
	List<Fingerprint> photosWithSha(Collection<String> sums) {
		List<Fingerprint> found = new ArrayList<>();
		for (List<String> chunk : chunks(sums)) {
			found.addAll(jdbc.sql("select " + COLUMNS + " from inspection_fingerprint where photo and sha256 in (:s)")
					.param("s", chunk).query(Fingerprints::fingerprint).list());
		}
		return found;
	}

	/** Photos with a dHash at or below a path: the horizon a near-duplicate is looked for in. */
	List<Fingerprint> hashedPhotosWithin(String pathPrefix) {
		return jdbc.sql("select " + COLUMNS + " from inspection_fingerprint where photo and dhash is not null and org_path like :p")
				.param("p", pathPrefix + "%").query(Fingerprints::fingerprint).list();
	}

	private Set<Long> known(Collection<Long> materialIds) {
		Set<Long> known = new HashSet<>();
		for (List<Long> chunk : chunks(materialIds)) {
			known.addAll(jdbc.sql("select distinct material_id from inspection_fingerprint where material_id in (:ids)").param("ids", chunk)
					.query(Long.class).list());
		}
		return known;
	}

	private List<Fingerprint> take(MaterialRow row, String orgPath) {
		List<Fingerprint> taken = new ArrayList<>();
		for (FileInfo file : row.files()) {
			Long dhash = null;
			java.time.LocalDate created = null;
			if (file.photo()) {
				try (InputStream in = archive.open(file)) {
					dhash = DHash.of(in, archive.maxImagePixels());
				} catch (IOException | RuntimeException unreadable) {
					// a picture ImageIO cannot decode still has its SHA-256 and camera time compared
					log.debug("no dHash for material {} file {}: {}", row.id(), file.index(), unreadable.toString());
				}
			} else if (DocumentDates.readable(file.contentType())) {
				try (InputStream in = archive.open(file)) {
					created = DocumentDates.created(file.contentType(), in);
				} catch (IOException unreadable) {
					log.debug("no created date for material {} file {}", row.id(), file.index());
				}
			}
			taken.add(new Fingerprint(row.id(), file.index(), row.title(), row.orgUnitId(), orgPath, file.photo(), file.sha256(), dhash, file.takenAt(),
					created, row.dateFormed()));
		}
		return taken;
	}

	private void insert(Fingerprint f) {
		jdbc.sql("insert into inspection_fingerprint (" + COLUMNS + ") values (:m, :i, :t, :u, :p, :photo, :sha, :dhash, :taken, :created, :formed)")
				.param("m", f.materialId()).param("i", f.fileIndex()).param("t", f.title()).param("u", f.orgUnitId()).param("p", f.orgPath())
				.param("photo", f.photo()).param("sha", f.sha256()).param("dhash", f.dhash())
				.param("taken", f.takenAt() == null ? null : Timestamp.valueOf(f.takenAt())).param("created", f.documentCreated())
				.param("formed", f.dateFormed()).update();
	}

	private static Fingerprint fingerprint(ResultSet rs, int n) throws SQLException {
		long dhash = rs.getLong("dhash");
		Long hash = rs.wasNull() ? null : dhash;
		Timestamp taken = rs.getTimestamp("taken_at");
		java.sql.Date created = rs.getDate("document_created");
		return new Fingerprint(rs.getLong("material_id"), rs.getInt("file_index"), rs.getString("title"), rs.getLong("org_unit_id"), rs.getString("org_path"),
				rs.getBoolean("photo"), rs.getString("sha256"), hash, taken == null ? null : taken.toLocalDateTime(),
				created == null ? null : created.toLocalDate(), rs.getDate("date_formed").toLocalDate());
	}

	private static <T> List<List<T>> chunks(Collection<T> all) {
		List<T> list = List.copyOf(all);
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < list.size(); i += CHUNK) {
			chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
		}
		return chunks;
	}
}
