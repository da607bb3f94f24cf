package org.chuangwen.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** One material (件): its files, the indicators it serves and whether it sits in the recycle bin. */
@Table("material")
class Material {

	@Id
	private Long id;
	private final Long orgUnitId;
	private final String orgPath;
	private final String kind;
	private final String title;
	private final LocalDate dateFormed;
	private final String responsibleParty;
	private final String documentNumber;
	private final String uploadedBy;
	private final Instant uploadedAt;
	private Instant deletedAt;
	private String deletedBy;

	@MappedCollection(idColumn = "material", keyColumn = "idx")
	private final List<StoredFile> files;

	@MappedCollection(idColumn = "material")
	private final Set<IndicatorLink> indicators;

	@PersistenceCreator
	Material(Long id, Long orgUnitId, String orgPath, String kind, String title, LocalDate dateFormed, String responsibleParty,
			String documentNumber, String uploadedBy, Instant uploadedAt, Instant deletedAt, String deletedBy, List<StoredFile> files,
			Set<IndicatorLink> indicators) {
		this.id = id;
		this.orgUnitId = orgUnitId;
		this.orgPath = orgPath;
		this.kind = kind;
		this.title = title;
		this.dateFormed = dateFormed;
		this.responsibleParty = responsibleParty;
		this.documentNumber = documentNumber;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
		this.deletedAt = deletedAt;
		this.deletedBy = deletedBy;
		this.files = List.copyOf(files);
		this.indicators = Set.copyOf(indicators);
	}

	static Material file(long orgUnitId, String orgPath, String kind, String title, LocalDate dateFormed, String responsibleParty,
			String documentNumber, String uploadedBy, Instant uploadedAt, List<StoredFile> files, Set<IndicatorLink> indicators) {
		return new Material(null, orgUnitId, orgPath, kind, title, dateFormed, responsibleParty, documentNumber, uploadedBy, uploadedAt,
				null, null, files, indicators);
	}

	MaterialFiled filed() {
		return new MaterialFiled(id, orgUnitId, orgPath, indicatorIds(), kind, dateFormed.getYear());
	}

	/** Moves the material to the recycle bin; recycling twice changes nothing. */
	MaterialRecycled recycle(String by, Instant at) {
		if (deletedAt != null) {
			return null;
		}
		deletedAt = at;
		deletedBy = by;
		return new MaterialRecycled(id, orgUnitId, orgPath, indicatorIds(), kind, dateFormed.getYear());
	}

	/** Brings the material back from the recycle bin; restoring a live material changes nothing. */
	MaterialRestored restore() {
		if (deletedAt == null) {
			return null;
		}
		deletedAt = null;
		deletedBy = null;
		return new MaterialRestored(id, orgUnitId, orgPath, indicatorIds(), kind, dateFormed.getYear());
	}

	List<Long> indicatorIds() {
		return indicators.stream().map(IndicatorLink::indicatorId).sorted().toList();
	}

	Long id() {
		return id;
	}

	Long orgUnitId() {
		return orgUnitId;
	}

	String orgPath() {
		return orgPath;
	}

	String kind() {
		return kind;
	}

	String title() {
		return title;
	}

	LocalDate dateFormed() {
		return dateFormed;
	}

	String responsibleParty() {
		return responsibleParty;
	}

	String documentNumber() {
		return documentNumber;
	}

	String uploadedBy() {
		return uploadedBy;
	}

	Instant uploadedAt() {
		return uploadedAt;
	}

	Instant deletedAt() {
		return deletedAt;
	}

	String deletedBy() {
		return deletedBy;
	}

	List<StoredFile> files() {
		return files;
	}

	@Table("material_file")
	record StoredFile(String name, String contentType, long size, String sha256, LocalDateTime takenAt, Integer pages) {}

	@Table("material_indicator")
	record IndicatorLink(Long indicatorId) {}
}
