package org.chuangwen.courtyards;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.courtyards.Checklist.Item;
import org.chuangwen.courtyards.Checklist.Standard;
import org.chuangwen.courtyards.Marks.Mark;
import org.chuangwen.courtyards.Marks.Resolved;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.FileInfo;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.WriteTransactions;
import org.chuangwen.platform.Zones;
import org.apache.tika.Tika;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * Inspections of buildings against the checklist: each is a new row with its marks, never changed afterwards; photos
 * are filed through the evidence archive as one 图片 material of {@value #INDICATOR} per filing and linked to the
 * inspection. A building outside the caller's scope answers 404.
 */
@Service
class BuildingInspections {

	/** 文明社区创建: its fifth requirement is "开展文明楼栋、文明小区评比等活动", and 图片 is among the kinds its box asks for. */
	static final String INDICATOR = "Ⅲ-117";
	static final String PHOTO_KIND = "图片";

	private final JdbcClient jdbc;
	private final Buildings buildings;
	private final Checklist checklist;
	private final EvidenceArchive evidence;
	private final WriteTransactions transactions;
	private final AuditLog audit;
	private final Clock clock;

	BuildingInspections(JdbcClient jdbc, Buildings buildings, Checklist checklist, EvidenceArchive evidence, WriteTransactions transactions, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.buildings = buildings;
		this.checklist = checklist;
		this.evidence = evidence;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records an inspection of a building on {@code inspectedOn} (today when null) and, when photos are given, files them
	 * in the same transaction: a refused photo leaves no inspection behind.
	 *
	 * @throws UserFacingException 404 for a building outside the scope, 400 {@code invalid_standard} for an unknown or
	 *     repeated code, 400 {@code invalid_date}, 400 {@code not_a_photo} or the archive's refusals for the photos
	 */
	Inspection inspect(long buildingId, List<Mark> marks, LocalDate inspectedOn, List<Upload> photos) {
		OrgUnit building = buildings.writable(buildingId);
		List<Standard> standards = checklist.standards();
		Map<String, Resolved> resolved = Marks.resolve(standards, marks);
		LocalDate day = day(inspectedOn);
		Map<String, Boolean> met = new HashMap<>();
		resolved.forEach((code, mark) -> met.put(code, mark.met()));
		BigDecimal score = Score.total(Score.outcomes(standards, met));
		String by = buildings.username();
		if (photos != null) {
			refuseOtherThanPhotos(photos);
		}
		long id = transactions.run(() -> {
			var key = new GeneratedKeyHolder();
			jdbc.sql("insert into courtyard_inspection (building_id, org_path, inspected_on, score, inspected_by, recorded_at)"
					+ " values (:b, :p, :d, :s, :by, :at)")
					.param("b", building.id()).param("p", building.path()).param("d", day).param("s", score).param("by", by)
					.param("at", Timestamp.from(clock.instant())).update(key, "id");
			long inspection = key.getKey().longValue();
			resolved.forEach((code, mark) -> jdbc.sql("insert into courtyard_mark (inspection_id, item_code, met, note) values (:i, :c, :m, :n)")
					.param("i", inspection).param("c", code).param("m", mark.met()).param("n", mark.note()).update());
			if (photos != null && !photos.isEmpty()) {
				filePhotos(building, inspection, day, photos);
			}
			return inspection;
		});
		audit.record("COURTYARD_INSPECTED", "courtyard_inspection", id, building.id(), building.name() + " / " + day + " / " + score);
		return find(building, id);
	}

	/**
	 * Files photos for an inspection already recorded, as one more 图片 material dated the inspection day.
	 *
	 * @throws UserFacingException 404 for a building outside the scope or an inspection of another building, 400 for
	 *     no file, a file that is not a photo, or the archive's refusals
	 */
	MaterialDetails addPhotos(long buildingId, long inspectionId, List<Upload> photos) {
		OrgUnit building = buildings.writable(buildingId);
		LocalDate day = jdbc.sql("select inspected_on from courtyard_inspection where id = :i and building_id = :b")
				.param("i", inspectionId).param("b", building.id()).query(LocalDate.class).optional()
				.orElseThrow(() -> UserFacingException.notFound("error.courtyard.inspection-not-found"));
		if (photos == null || photos.isEmpty()) {
			throw UserFacingException.badRequest("missing_file", "error.courtyard.no-photos");
		}
		refuseOtherThanPhotos(photos);
		MaterialDetails material = transactions.run(() -> filePhotos(building, inspectionId, day, photos));
		audit.record("COURTYARD_PHOTOS_FILED", "courtyard_inspection", inspectionId, building.id(), "material " + material.id());
		return material;
	}

	/** The building's inspections, newest first. */
	List<Inspection> history(long buildingId) {
		OrgUnit building = buildings.readable(buildingId);
		List<Long> ids = jdbc.sql("select id from courtyard_inspection where building_id = :b order by inspected_on desc, id desc")
				.param("b", building.id()).query(Long.class).list();
		return load(Map.of(building.id(), building), ids);
	}

	/** One inspection of the building; 404 when it belongs to another building. */
	Inspection find(long buildingId, long inspectionId) {
		return find(buildings.readable(buildingId), inspectionId);
	}

	private Inspection find(OrgUnit building, long inspectionId) {
		List<Inspection> found = load(Map.of(building.id(), building), List.of(inspectionId));
		if (found.isEmpty() || found.get(0).buildingId() != building.id()) {
			throw UserFacingException.notFound("error.courtyard.inspection-not-found");
		}
		return found.get(0);
	}

	/** The latest inspection (by day, then as recorded) of each of these buildings that has one. */
	Map<Long, Inspection> latest(Map<Long, OrgUnit> buildingsById, String path) {
		Map<Long, Long> latest = new LinkedHashMap<>();
		jdbc.sql("select id, building_id from courtyard_inspection where org_path like :p order by inspected_on desc, id desc")
				.param("p", path + "%")
				.query((rs, n) -> Map.entry(rs.getLong("building_id"), rs.getLong("id"))).list()
				.forEach(e -> latest.putIfAbsent(e.getKey(), e.getValue()));
		latest.keySet().retainAll(buildingsById.keySet());
		Map<Long, Inspection> byBuilding = new HashMap<>();
		load(buildingsById, latest.values()).forEach(i -> byBuilding.put(i.buildingId(), i));
		return byBuilding;
	}

	/** Loads inspections with their marks and photos in three queries, keeping the order of {@code ids}. */
	private List<Inspection> load(Map<Long, OrgUnit> buildingsById, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Standard> standards = checklist.standards();
		Map<String, Item> items = new HashMap<>();
		standards.forEach(s -> s.items().forEach(i -> items.put(i.code(), i)));
		Map<Long, List<Inspection.MarkRow>> marks = new HashMap<>();
		jdbc.sql("select inspection_id, item_code, met, note from courtyard_mark where inspection_id in (:ids)").param("ids", ids)
				.query((rs, n) -> {
					Item item = items.get(rs.getString("item_code"));
					return Map.entry(rs.getLong("inspection_id"),
							new Inspection.MarkRow(item.code(), item.standardCode(), item.title(), rs.getBoolean("met"), rs.getString("note")));
				}).list()
				.forEach(e -> marks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, List<Long>> photos = new HashMap<>();
		jdbc.sql("select inspection_id, material_id from courtyard_photo where inspection_id in (:ids) order by filed_at, material_id").param("ids", ids)
				.query((rs, n) -> Map.entry(rs.getLong("inspection_id"), rs.getLong("material_id"))).list()
				.forEach(e -> photos.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, Inspection> found = new HashMap<>();
		jdbc.sql("select id, building_id, inspected_on, score, inspected_by, recorded_at from courtyard_inspection where id in (:ids)").param("ids", ids)
				.query((rs, n) -> {
					long id = rs.getLong("id");
					List<Inspection.MarkRow> rows = marks.getOrDefault(id, List.of()).stream()
							.sorted(java.util.Comparator.comparing(Inspection.MarkRow::code)).toList();
					Map<String, Boolean> met = new HashMap<>();
					rows.forEach(m -> met.put(m.code(), m.met()));
					List<Score.Outcome> outcomes = Score.outcomes(standards, met);
					OrgUnit building = buildingsById.get(rs.getLong("building_id"));
					return new Inspection(id, rs.getLong("building_id"), building == null ? null : building.name(), rs.getDate("inspected_on").toLocalDate(),
							rs.getBigDecimal("score"), rs.getString("inspected_by"), rs.getTimestamp("recorded_at").toInstant(), rows, outcomes,
							outcomes.stream().filter(o -> !o.met()).map(Score.Outcome::code).toList(), photos.getOrDefault(id, List.of()));
				}).list()
				.forEach(i -> found.put(i.id(), i));
		return ids.stream().filter(found::containsKey).map(found::get).toList();
	}

	/** Files the photos as one material of the building and links it; runs inside the caller's transaction. */
	private MaterialDetails filePhotos(OrgUnit building, long inspectionId, LocalDate day, List<Upload> photos) {
		OrgUnit community = buildings.community(building);
		String title = building.name() + "文明楼院检查(" + day + ")";
		MaterialDetails material = evidence.file(new NewMaterial(building.id(), PHOTO_KIND, title, day, community.name(), List.of(INDICATOR)), photos);
		// the archive's verdict on the type is the last word, should it differ from the quick look above
		FileInfo other = material.files().stream().filter(f -> !f.photo()).findFirst().orElse(null);
		if (other != null) {
			throw UserFacingException.badRequest("not_a_photo", "error.courtyard.not-a-photo", other.name());
		}
		jdbc.sql("insert into courtyard_photo (inspection_id, material_id, filed_by, filed_at) values (:i, :m, :by, :at)")
				.param("i", inspectionId).param("m", material.id()).param("by", buildings.username()).param("at", Timestamp.from(clock.instant()))
				.update();
		return material;
	}

	/**
	 * Refuses what is not a picture before anything is filed (the archive would take a PDF under 图片, and a filing that is
	 * rolled back afterwards has already been audited). The archive's own inspection still decides on everything else.
	 */
	private static void refuseOtherThanPhotos(List<Upload> photos) {
		Tika tika = new Tika();
		for (Upload photo : photos) {
			String type;
			try (InputStream in = new BufferedInputStream(photo.content().getInputStream())) {
				type = tika.detect(in);
			} catch (IOException e) {
				type = "";
			}
			if (!type.startsWith("image/")) {
				throw UserFacingException.badRequest("not_a_photo", "error.courtyard.not-a-photo", photo.name());
			}
		}
	}

	private LocalDate day(LocalDate inspectedOn) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		if (inspectedOn == null) {
			return today;
		}
		if (inspectedOn.isAfter(today) || inspectedOn.isBefore(today.minusYears(3))) {
			throw UserFacingException.badRequest("invalid_date", "error.courtyard.date", today.minusYears(3), today);
		}
		return inspectedOn;
	}
}
