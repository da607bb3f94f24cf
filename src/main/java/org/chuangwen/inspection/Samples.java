package org.chuangwen.inspection;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * Spot-check samples: a reproducible random draw of a community's live materials, and the inspector's marks on them
 * (appended; the newest mark counts).
 */
@Component
class Samples {

	static final int MAX_SIZE = 200;
	/** Seeds fit a JSON number exactly (53 bits), so a client can send back the seed it was given. */
	private static final long SEED_BITS = (1L << 53) - 1;
	private static final SecureRandom SEEDS = new SecureRandom();

	private final JdbcClient jdbc;
	private final Fingerprints fingerprints;
	private final Grades grades;
	private final EvidenceArchive archive;
	private final DataScope scope;
	private final WriteTransactions writes;
	private final AuditLog audit;
	private final Clock clock;

	Samples(JdbcClient jdbc, Fingerprints fingerprints, Grades grades, EvidenceArchive archive, DataScope scope, WriteTransactions writes, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.fingerprints = fingerprints;
		this.grades = grades;
		this.archive = archive;
		this.scope = scope;
		this.writes = writes;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Draws {@code size} of the community's live materials (all of them when it has fewer) with {@code seed}, or with a
	 * new random seed when none is given; the answer names the seed so the draw can be repeated.
	 *
	 * @throws UserFacingException 404 outside the scope, 403 for a role that does not inspect, 400 {@code invalid_size}
	 */
	Sample draw(long orgUnitId, Integer size, Long seed) {
		OrgUnit unit = grades.community(orgUnitId);
		grades.requireInspector(unit);
		if (size == null || size < 1 || size > MAX_SIZE) {
			throw UserFacingException.badRequest("invalid_size", "error.inspection.sample-size", MAX_SIZE);
		}
		long used = seed != null ? seed : SEEDS.nextLong() & SEED_BITS;
		List<Long> drawn = pick(fingerprints.scan(unit).stream().map(MaterialRow::id).toList(), used, size);
		String by = scope.user().username();
		Instant at = clock.instant();
		long id = writes.run(() -> {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			jdbc.sql("insert into inspection_sample (org_unit_id, org_path, seed, sample_size, drawn_by, drawn_at) values (:u, :p, :s, :n, :by, :at)")
					.param("u", unit.id()).param("p", unit.path()).param("s", used).param("n", size).param("by", by).param("at", Timestamp.from(at))
					.update(key, "id");
			long sampleId = key.getKey().longValue();
			for (int i = 0; i < drawn.size(); i++) {
				jdbc.sql("insert into inspection_sample_item (sample_id, seq, material_id) values (:s, :i, :m)").param("s", sampleId).param("i", i)
						.param("m", drawn.get(i)).update();
			}
			return sampleId;
		});
		audit.record("INSPECTION_SAMPLED", "org_unit", unit.id(), unit.id(), "sample " + id + " seed " + used + " size " + size + " drew " + drawn);
		return find(id);
	}

	/**
	 * The draw itself: the ids in ascending order, shuffled by {@link Random} with the seed (its algorithm is fixed by
	 * the Java specification, so the same seed draws the same sample on every machine and version), the first
	 * {@code size} taken.
	 */
	static List<Long> pick(List<Long> ids, long seed, int size) {
		List<Long> shuffled = new ArrayList<>(ids.stream().sorted().toList());
		Collections.shuffle(shuffled, new Random(seed));
		return List.copyOf(shuffled.subList(0, Math.min(size, shuffled.size())));
	}

	/** A sample in the caller's scope, with the latest mark on each material; 404 otherwise. */
	Sample find(long sampleId) {
		record Head(long unit, String path, long seed, int size, String by, Instant at) {}
		Head head = jdbc.sql("select org_unit_id, org_path, seed, sample_size, drawn_by, drawn_at from inspection_sample where id = :id").param("id", sampleId)
				.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
				.optional().orElse(null);
		scope.checkRead(head == null ? null : head.path(), head == null ? null : head.unit(), "inspection_sample", sampleId);
		Map<Long, String[]> marks = new HashMap<>();
		jdbc.sql("select material_id, verdict, note, checked_by from inspection_check where sample_id = :s order by id").param("s", sampleId)
				.query(rs -> {
					marks.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
				});
		List<Sample.Item> items = new ArrayList<>();
		for (long materialId : jdbc.sql("select material_id from inspection_sample_item where sample_id = :s order by seq").param("s", sampleId)
				.query(Long.class).list()) {
			String[] mark = marks.getOrDefault(materialId, new String[3]);
			MaterialRow row;
			try {
				row = archive.find(materialId).row();
			} catch (UserFacingException movedAway) {
				// corrected into a unit the reader does not see since it was drawn: listed by id only, the mark stays
				items.add(new Sample.Item(materialId, "#" + materialId, null, null, null, mark[0], mark[1], mark[2]));
				continue;
			}
			items.add(new Sample.Item(materialId, row.title(), row.kind(), row.dateFormed(), "/materials/" + materialId, mark[0], mark[1], mark[2]));
		}
		return new Sample(sampleId, head.unit(), head.seed(), head.size(), head.by(), head.at(), items);
	}

	/** The samples of a community in the caller's scope, newest first. */
	List<Sample> ofCommunity(long orgUnitId) {
		OrgUnit unit = grades.community(orgUnitId);
		return jdbc.sql("select id from inspection_sample where org_unit_id = :u order by id desc").param("u", unit.id()).query(Long.class).list().stream()
				.map(this::find).toList();
	}

	/**
	 * Marks a sampled material {@code verified} or {@code doubtful}, with a note; an earlier mark stays in the history.
	 *
	 * @throws UserFacingException 404 for a sample outside the scope or a material not in it, 403 for a role that does
	 *     not inspect, 400 {@code invalid_verdict} or {@code invalid_note}
	 */
	Sample check(long sampleId, long materialId, String verdict, String note) {
		Sample sample = find(sampleId);
		grades.requireInspector(grades.community(sample.orgUnitId()));
		if (sample.materials().stream().noneMatch(i -> i.materialId() == materialId)) {
			throw UserFacingException.notFound("error.inspection.not-in-sample", materialId);
		}
		if (verdict == null || !Sample.VERDICTS.contains(verdict)) {
			throw UserFacingException.badRequest("invalid_verdict", "error.inspection.verdict");
		}
		String text = Text.blankToNull(note);
		if (text != null && text.length() > Doubts.NOTE_LIMIT) {
			throw UserFacingException.badRequest("invalid_note", "error.inspection.note", Doubts.NOTE_LIMIT);
		}
		if (text != null) {
			Text.check("note", text, true);
		}
		jdbc.sql("insert into inspection_check (sample_id, material_id, verdict, note, checked_by, checked_at) values (:s, :m, :v, :n, :by, :at)")
				.param("s", sampleId).param("m", materialId).param("v", verdict).param("n", text == null ? null : text.strip())
				.param("by", scope.user().username()).param("at", Timestamp.from(clock.instant())).update();
		audit.record("INSPECTION_CHECKED", "material", materialId, sample.orgUnitId(), "sample " + sampleId + " " + verdict);
		return find(sampleId);
	}
}
