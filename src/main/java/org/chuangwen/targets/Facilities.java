package org.chuangwen.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A community's facilities, each recorded with its photo filed as a material (kind 图片, into the box
 * {@link FacilityKind} names). A change is a new record; the newest per kind is current and the older ones are its
 * history.
 */
@Component
class Facilities {

	static final String PHOTO_KIND = "图片";
	private static final BigDecimal MAX_AREA = new BigDecimal("1000000");
	private static final int MAX_BOOKS = 10_000_000;

	record Facility(long id, long orgUnitId, FacilityKind kind, BigDecimal area, Integer books, Boolean fitnessPath, boolean present, Long materialId,
			String recordedBy, Instant recordedAt) {}

	/** What a worker records; {@code present} null means present, {@code dateFormed} null takes the photo's own date. */
	record NewFacility(Long orgUnitId, String kind, BigDecimal area, Integer books, Boolean fitnessPath, Boolean present, LocalDate dateFormed) {}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final Orgs orgs;
	private final EvidenceArchive archive;
	private final AuditLog audit;
	private final Clock clock;

	Facilities(JdbcClient jdbc, DataScope scope, Orgs orgs, EvidenceArchive archive, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.orgs = orgs;
		this.archive = archive;
		this.audit = audit;
		this.clock = clock;
	}

	/** The community of a unit in the caller's scope: the unit itself or the community above it; 400 otherwise. */
	OrgUnit community(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		return orgs.communityOf(unit).orElseThrow(() -> UserFacingException.badRequest("not_a_community", "error.facilities.community", unit.name()));
	}

	/** The current record of each facility of a community, unscoped: callers have checked the scope. */
	Map<FacilityKind, Facility> current(long communityId) {
		Map<FacilityKind, Facility> current = new EnumMap<>(FacilityKind.class);
		jdbc.sql("select * from facility_record where org_unit_id = :unit order by id").param("unit", communityId).query(Facilities::row).list()
				.forEach(f -> current.put(f.kind(), f));
		return current;
	}

	/** Every record of one facility of a community in the caller's scope, newest first. */
	List<Facility> history(long orgUnitId, String kind) {
		OrgUnit community = community(orgUnitId);
		return jdbc.sql("select * from facility_record where org_unit_id = :unit and kind = :kind order by id desc").param("unit", community.id())
				.param("kind", FacilityKind.parse(kind).name()).query(Facilities::row).list();
	}

	/**
	 * Records a facility of a community the caller may write to. A facility that is there needs its area (rooms and the
	 * outdoor ground) and a photo; the photo is filed first, through the evidence archive, then the record is written.
	 * Everything is checked before anything is stored.
	 *
	 * @throws UserFacingException 404 outside the scope; 400 {@code not_a_community}, {@code invalid_facility},
	 *     {@code invalid_area}, {@code invalid_books}, {@code missing_photo}, {@code not_a_photo}, or what filing refuses
	 */
	Facility record(NewFacility command, List<Upload> photos) {
		if (command.orgUnitId() == null) {
			throw UserFacingException.badRequest("missing_unit", "error.targets.unit");
		}
		OrgUnit unit = scope.writable(command.orgUnitId());
		if (unit.kind() != OrgKind.COMMUNITY) {
			throw UserFacingException.badRequest("not_a_community", "error.facilities.community", unit.name());
		}
		FacilityKind kind = FacilityKind.parse(command.kind());
		boolean present = command.present() == null || command.present();
		BigDecimal area = null;
		Integer books = null;
		Boolean fitnessPath = null;
		if (present) {
			if (kind.hasArea) {
				if (command.area() == null || command.area().signum() <= 0 || command.area().compareTo(MAX_AREA) > 0) {
					throw UserFacingException.badRequest("invalid_area", "error.facilities.area", kind.label);
				}
				area = command.area().setScale(1, RoundingMode.HALF_UP);
			}
			if (kind.hasBooks && command.books() != null) {
				if (command.books() < 0 || command.books() > MAX_BOOKS) {
					throw UserFacingException.badRequest("invalid_books", "error.facilities.books");
				}
				books = command.books();
			}
			if (kind.hasFitnessPath) {
				fitnessPath = Boolean.TRUE.equals(command.fitnessPath());
			}
			if (photos.isEmpty()) {
				throw UserFacingException.badRequest("missing_photo", "error.facilities.photo", kind.label);
			}
		}
		for (Upload photo : photos) {
			if (!isPhoto(photo)) {
				throw UserFacingException.badRequest("not_a_photo", "error.facilities.not-a-photo", photo.name());
			}
		}
		Long materialId = null;
		if (!photos.isEmpty()) {
			String title = unit.name() + kind.label + (area == null ? "" : "(" + area.toPlainString() + "㎡)");
			MaterialDetails filed = archive.file(new NewMaterial(unit.id(), PHOTO_KIND, title, command.dateFormed(), null, List.of(kind.indicatorCode)), photos);
			materialId = filed.id();
		}
		Instant at = Instant.now(clock);
		String by = scope.user().username();
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into facility_record (org_unit_id, org_path, kind, area, books, fitness_path, present, material_id, recorded_by, recorded_at)
				values (:unit, :path, :kind, :area, :books, :fitness, :present, :materialId, :by, :at)""")
				.param("unit", unit.id()).param("path", unit.path()).param("kind", kind.name()).param("area", area).param("books", books)
				.param("fitness", fitnessPath).param("present", present).param("materialId", materialId).param("by", by).param("at", Timestamp.from(at))
				.update(key, "id");
		long id = key.getKey().longValue();
		audit.record("FACILITY_RECORDED", "facility_record", id, unit.id(),
				kind.label + (present ? " " + (area == null ? "" : area.toPlainString() + "㎡") : " 无") + (materialId == null ? "" : ", 材料 " + materialId));
		return new Facility(id, unit.id(), kind, area, books, fitnessPath, present, materialId, by, at);
	}

	/** JPEG, PNG or WebP by their first bytes: a facility photo, not a document renamed .jpg. */
	private static boolean isPhoto(Upload upload) {
		byte[] head;
		try (InputStream in = upload.content().getInputStream()) {
			head = in.readNBytes(12);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		boolean jpeg = head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff;
		boolean png = head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
		boolean webp = head.length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F' && head[8] == 'W' && head[9] == 'E'
				&& head[10] == 'B' && head[11] == 'P';
		return jpeg || png || webp;
	}

	private static Facility row(ResultSet rs, int n) throws SQLException {
		int books = rs.getInt("books");
		Integer bookCount = rs.wasNull() ? null : books;
		boolean fitness = rs.getBoolean("fitness_path");
		Boolean fitnessPath = rs.wasNull() ? null : fitness;
		long material = rs.getLong("material_id");
		Long materialId = rs.wasNull() ? null : material;
		BigDecimal area = rs.getBigDecimal("area");
		return new Facility(rs.getLong("id"), rs.getLong("org_unit_id"), FacilityKind.valueOf(rs.getString("kind")),
				area == null ? null : area.setScale(1, RoundingMode.HALF_UP), bookCount, fitnessPath, rs.getBoolean("present"), materialId,
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}
}
