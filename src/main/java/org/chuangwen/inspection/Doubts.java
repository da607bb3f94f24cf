package org.chuangwen.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Doubt signals over the fingerprints, each explaining itself and naming the other materials involved: the same photo
 * (same SHA-256) in another material, wherever it was filed; a near-duplicate picture (dHash within
 * {@link InspectionProperties#nearDuplicateDistance()} bits) in another material of the same street, since a scene
 * re-shot for a second activity is looked for where the same people file; a camera time too far from the date formed;
 * a document created after its date formed. Only live materials count as the other side of a signal.
 */
@Service
class Doubts {

	static final int NOTE_LIMIT = 1000;

	private final Fingerprints fingerprints;
	private final EvidenceArchive archive;
	private final DataScope scope;
	private final Orgs orgs;
	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final InspectionProperties properties;
	private final AuditLog audit;
	private final Clock clock;

	Doubts(Fingerprints fingerprints, EvidenceArchive archive, DataScope scope, Orgs orgs, JdbcClient jdbc, MessageSource messages,
			InspectionProperties properties, AuditLog audit, Clock clock) {
		this.fingerprints = fingerprints;
		this.archive = archive;
		this.scope = scope;
		this.orgs = orgs;
		this.jdbc = jdbc;
		this.messages = messages;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	/** The signals of a material in the caller's scope (404 otherwise), fingerprinting it first if it never was. */
	Doubt.OfMaterial ofMaterial(long materialId) {
		MaterialDetails material = archive.find(materialId);
		fingerprints.settle();
		List<Fingerprint> own = fingerprints.ofMaterials(List.of(materialId));
		if (own.isEmpty() && !material.files().isEmpty()) {
			fingerprints.refresh(materialId, path(material.row().orgUnitId()));
			own = fingerprints.ofMaterials(List.of(materialId));
		}
		return new Doubt.OfMaterial(materialId, material.row().title(), material.row().orgUnitId(), signals(own).getOrDefault(materialId, List.of()),
				notes(List.of(materialId)).getOrDefault(materialId, List.of()));
	}

	/** The live materials at or below a unit that have a signal or an answer, in id order; 404 outside the scope. */
	List<Doubt.OfMaterial> ofUnit(long orgUnitId) {
		return ofMaterials(fingerprints.scan(scope.readable(orgUnitId))).values().stream()
				.filter(m -> !m.signals().isEmpty() || !m.notes().isEmpty()).toList();
	}

	/** The signals and answers of materials already read in the caller's scope (every one, with or without signals). */
	Map<Long, Doubt.OfMaterial> ofMaterials(List<MaterialRow> rows) {
		List<Long> ids = rows.stream().map(MaterialRow::id).toList();
		Map<Long, List<Doubt>> signals = signals(fingerprints.ofMaterials(ids));
		Map<Long, List<Doubt.Note>> notes = notes(ids);
		Map<Long, Doubt.OfMaterial> all = new LinkedHashMap<>();
		for (MaterialRow row : rows) {
			all.put(row.id(), new Doubt.OfMaterial(row.id(), row.title(), row.orgUnitId(), signals.getOrDefault(row.id(), List.of()),
					notes.getOrDefault(row.id(), List.of())));
		}
		return all;
	}

	/**
	 * A worker's answer to a signal about a material: kept beside it and shown to the inspector, never replacing an
	 * earlier answer.
	 *
	 * @throws UserFacingException 404 outside the scope, 403 for a read-only role (an inspector), 400 for an unknown
	 *     signal kind ({@code invalid_signal}) or an empty or too long note ({@code invalid_note})
	 */
	Doubt.Note answer(long materialId, String kind, String note) {
		MaterialRow material = archive.find(materialId).row();
		scope.checkWrite(path(material.orgUnitId()), material.orgUnitId(), "material", materialId);
		if (kind == null || !Doubt.KINDS.contains(kind)) {
			throw UserFacingException.badRequest("invalid_signal", "error.inspection.signal", String.join(", ", Doubt.KINDS));
		}
		String text = Text.blankToNull(note);
		if (text == null || text.length() > NOTE_LIMIT) {
			throw UserFacingException.badRequest("invalid_note", "error.inspection.note", NOTE_LIMIT);
		}
		Text.check("note", text, true);
		Doubt.Note written = new Doubt.Note(materialId, kind, text.strip(), scope.user().username(), clock.instant());
		jdbc.sql("insert into inspection_doubt_note (material_id, org_path, doubt_kind, note, written_by, written_at) values (:m, :p, :k, :n, :by, :at)")
				.param("m", materialId).param("p", path(material.orgUnitId())).param("k", kind).param("n", written.note()).param("by", written.writtenBy())
				.param("at", Timestamp.from(written.writtenAt())).update();
		audit.record("DOUBT_ANSWERED", "material", materialId, material.orgUnitId(), kind);
		return written;
	}

	private Map<Long, List<Doubt>> signals(List<Fingerprint> subjects) {
		Map<String, List<Fingerprint>> bySha = fingerprints.photosWithSha(subjects.stream().filter(Fingerprint::photo).map(Fingerprint::sha256).collect(Collectors.toSet()))
				.stream().collect(Collectors.groupingBy(Fingerprint::sha256));
		Map<String, List<Fingerprint>> horizons = new HashMap<>();
		for (Fingerprint subject : subjects) {
			if (subject.photo() && subject.dhash() != null) {
				horizons.computeIfAbsent(horizon(subject.orgPath()), fingerprints::hashedPhotosWithin);
			}
		}
		Set<Long> others = new HashSet<>();
		bySha.values().forEach(list -> list.forEach(f -> others.add(f.materialId())));
		horizons.values().forEach(list -> list.forEach(f -> others.add(f.materialId())));
		Set<Long> live = archive.live(others);
		String myPath = scope.path();

		Map<Long, List<Doubt>> signals = new LinkedHashMap<>();
		for (Fingerprint s : subjects) {
			List<Doubt> found = new ArrayList<>();
			if (s.photo()) {
				List<Fingerprint> same = distinctMaterials(bySha.getOrDefault(s.sha256(), List.of()), s, live);
				if (!same.isEmpty()) {
					long units = same.stream().filter(f -> f.orgUnitId() != s.orgUnitId()).count();
					long dates = same.stream().filter(f -> !f.dateFormed().equals(s.dateFormed())).count();
					found.add(doubt(s, Doubt.SAME_PHOTO, same, myPath, "doubt.same-photo", same.size(), units, dates));
				}
				if (s.dhash() != null) {
					List<Fingerprint> near = horizons.get(horizon(s.orgPath())).stream()
							.filter(f -> !f.sha256().equals(s.sha256()) && DHash.distance(f.dhash(), s.dhash()) <= properties.nearDuplicateDistance())
							.toList();
					near = distinctMaterials(near, s, live);
					if (!near.isEmpty()) {
						int closest = near.stream().mapToInt(f -> DHash.distance(f.dhash(), s.dhash())).min().orElseThrow();
						found.add(doubt(s, Doubt.NEAR_DUPLICATE, near, myPath, "doubt.near-duplicate", near.size(), closest,
								properties.nearDuplicateDistance()));
					}
				}
				if (s.takenAt() != null) {
					long days = Math.abs(ChronoUnit.DAYS.between(s.takenAt().toLocalDate(), s.dateFormed()));
					if (days > properties.cameraDaysApart()) {
						found.add(doubt(s, Doubt.CAMERA_DATE, List.of(), myPath, "doubt.camera-date", s.takenAt().toLocalDate().toString(),
								s.dateFormed().toString(), days, properties.cameraDaysApart()));
					}
				}
			}
			if (s.documentCreated() != null && s.documentCreated().isAfter(s.dateFormed())) {
				found.add(doubt(s, Doubt.DOCUMENT_DATE, List.of(), myPath, "doubt.document-date", s.documentCreated().toString(), s.dateFormed().toString(),
						ChronoUnit.DAYS.between(s.dateFormed(), s.documentCreated())));
			}
			if (!found.isEmpty()) {
				signals.computeIfAbsent(s.materialId(), k -> new ArrayList<>()).addAll(found);
			}
		}
		return signals;
	}

	/** Other live materials than the subject's, each once. */
	private static List<Fingerprint> distinctMaterials(Collection<Fingerprint> candidates, Fingerprint subject, Set<Long> live) {
		Map<Long, Fingerprint> byMaterial = new LinkedHashMap<>();
		for (Fingerprint f : candidates) {
			if (f.materialId() != subject.materialId() && live.contains(f.materialId())) {
				byMaterial.putIfAbsent(f.materialId(), f);
			}
		}
		return List.copyOf(byMaterial.values());
	}

	private Doubt doubt(Fingerprint subject, String kind, List<Fingerprint> others, String myPath, String key, Object... args) {
		List<Doubt.Related> related = others.stream().filter(f -> f.orgPath().startsWith(myPath))
				.map(f -> new Doubt.Related(f.materialId(), f.fileIndex(), f.title(), f.orgUnitId(), f.dateFormed(), "/materials/" + f.materialId()))
				.toList();
		String explanation = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
		return new Doubt(subject.materialId(), subject.fileIndex(), kind, explanation, related, others.size() - related.size());
	}

	/** The street a community belongs to (the parent in the path); a unit at the root is its own horizon. */
	static String horizon(String path) {
		int end = path.lastIndexOf('/', path.length() - 2);
		return end <= 0 ? path : path.substring(0, end + 1);
	}

	private Map<Long, List<Doubt.Note>> notes(List<Long> materialIds) {
		Map<Long, List<Doubt.Note>> notes = new HashMap<>();
		for (int i = 0; i < materialIds.size(); i += 500) {
			jdbc.sql("select material_id, doubt_kind, note, written_by, written_at from inspection_doubt_note where material_id in (:ids) order by id")
					.param("ids", materialIds.subList(i, Math.min(materialIds.size(), i + 500)))
					.query((rs, n) -> new Doubt.Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
					.list().forEach(note -> notes.computeIfAbsent(note.materialId(), k -> new ArrayList<>()).add(note));
		}
		return notes;
	}

	private String path(long orgUnitId) {
		return orgs.find(orgUnitId).orElseThrow().path();
	}
}
