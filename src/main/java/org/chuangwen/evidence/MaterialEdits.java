package org.chuangwen.evidence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Edition;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.platform.FieldChange;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Corrections of what was said about a material when it was filed. Every field is checked as at filing before
 * anything changes; each changed field leaves a row of history and the whole correction one audit entry. The files are
 * never touched. Where the material now counts (unit, kind, year, indicators) travels in {@link MaterialCorrected}, so
 * that readiness counts it in its new place and the archive gives it a new number there.
 */
@Component
class MaterialEdits {

	private final JdbcClient jdbc;
	private final MaterialRepository materials;
	private final Catalog catalog;
	private final DataScope scope;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final Orgs orgs;

	MaterialEdits(JdbcClient jdbc, MaterialRepository materials, Catalog catalog, DataScope scope, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, Orgs orgs) {
		this.orgs = orgs;
		this.jdbc = jdbc;
		this.materials = materials;
		this.catalog = catalog;
		this.scope = scope;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** What a correction changed, and in which unit the material now is (for the audit entry). */
	record Applied(List<FieldChange> changes, long unitId) {}

	/**
	 * Applies a correction inside the caller's transaction; returns the fields that changed (none: nothing written).
	 * The audit entry is {@link #audit}'s, once the transaction committed, so that a retried transaction records it once.
	 */
	Applied correct(long id, MaterialCorrection correction) {
		Material material = materials.findById(id).orElse(null);
		scope.checkWrite(material == null ? null : material.orgPath(), material == null ? null : material.orgUnitId(), "material", id);
		// two corrections of one material queue here, so neither overwrites the other's check
		jdbc.sql("select id from material where id = :id for update").param("id", id).query(Long.class).single();
		material = materials.findById(id).orElseThrow();

		Edition edition = catalog.active();
		String kind = correction.kind() == null ? material.kind() : MaterialFields.kind(edition, correction.kind());
		String title = correction.title() == null ? material.title() : MaterialFields.title(correction.title());
		LocalDate today = LocalDate.now(clock.withZone(MaterialReader.SHANGHAI));
		LocalDate dateFormed = correction.dateFormed() == null ? material.dateFormed() : MaterialFields.dateFormed(correction.dateFormed(), today);
		String party = correction.responsibleParty() == null ? material.responsibleParty() : MaterialFields.party(correction.responsibleParty());
		String number = correction.documentNumber() == null ? material.documentNumber() : MaterialFields.documentNumber(correction.documentNumber());
		OrgUnit unit = correction.orgUnitId() == null || correction.orgUnitId().equals(material.orgUnitId()) ? null
				: scope.writable(correction.orgUnitId());
		List<Long> indicatorIds = correction.indicatorCodes() == null ? material.indicatorIds()
				: catalog.resolveAll(correction.indicatorCodes()).stream().map(Indicator::id).distinct().sorted().toList();

		String by = scope.user().username();
		Instant at = Instant.now(clock);
		List<FieldChange> changes = new ArrayList<>();
		note(changes, "title", material.title(), title, by, at);
		note(changes, "kind", material.kind(), kind, by, at);
		note(changes, "dateFormed", String.valueOf(material.dateFormed()), String.valueOf(dateFormed), by, at);
		note(changes, "responsibleParty", material.responsibleParty(), party, by, at);
		note(changes, "documentNumber", material.documentNumber(), number, by, at);
		if (unit != null) {
			note(changes, "orgUnit", unitName(material.orgUnitId()), unit.name(), by, at);
		}
		note(changes, "indicators", codes(material.indicatorIds()), codes(indicatorIds), by, at);
		if (changes.isEmpty()) {
			return new Applied(changes, material.orgUnitId());
		}

		long unitId = unit == null ? material.orgUnitId() : unit.id();
		String path = unit == null ? material.orgPath() : unit.path();
		jdbc.sql("""
				update material set title = :title, kind = :kind, date_formed = :formed, responsible_party = :party,
				    document_number = :number, org_unit_id = :unit, org_path = :path
				where id = :id""")
				.param("title", title)
				.param("kind", kind)
				.param("formed", dateFormed)
				.param("party", party)
				.param("number", number)
				.param("unit", unitId)
				.param("path", path)
				.param("id", id)
				.update();
		if (!indicatorIds.equals(material.indicatorIds())) {
			jdbc.sql("delete from material_indicator where material = :id").param("id", id).update();
			for (long indicatorId : indicatorIds) {
				jdbc.sql("insert into material_indicator (material, indicator_id) values (:id, :indicator)")
						.param("id", id).param("indicator", indicatorId).update();
			}
		}
		for (FieldChange change : changes) {
			jdbc.sql("""
					insert into material_change (material_id, field, old_value, new_value, changed_by, changed_at)
					values (:id, :field, :old, :new, :by, :at)""")
					.param("id", id)
					.param("field", change.field())
					.param("old", change.oldValue())
					.param("new", change.newValue())
					.param("by", by)
					.param("at", Timestamp.from(at))
					.update();
		}
		MaterialCorrected corrected = new MaterialCorrected(id, material.deletedAt() == null,
				new MaterialCorrected.Filing(material.orgUnitId(), material.orgPath(), material.indicatorIds(), material.kind(),
						material.dateFormed().getYear()),
				new MaterialCorrected.Filing(unitId, path, indicatorIds, kind, dateFormed.getYear()));
		events.publishEvent(corrected);
		return new Applied(changes, unitId);
	}

	void audit(long id, Applied applied) {
		if (applied.changes().isEmpty()) {
			return;
		}
		audit.record("MATERIAL_CORRECTED", "material", id, applied.unitId(), applied.changes().stream()
				.map(c -> c.field() + ": " + display(c.oldValue()) + " → " + display(c.newValue())).reduce((a, b) -> a + "; " + b).orElse(""));
	}

	/** The history of a material in the caller's scope, oldest change first. */
	List<FieldChange> history(long id) {
		Material material = materials.findById(id).orElse(null);
		scope.checkRead(material == null ? null : material.orgPath(), material == null ? null : material.orgUnitId(), "material", id);
		return jdbc.sql("""
				select field, old_value, new_value, changed_by, changed_at from material_change
				where material_id = :id order by id""")
				.param("id", id)
				.query((rs, n) -> new FieldChange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant()))
				.list();
	}

	private static void note(List<FieldChange> changes, String field, String before, String after, String by, Instant at) {
		if (!Objects.equals(before, after)) {
			changes.add(new FieldChange(field, before, after, by, at));
		}
	}

	private String unitName(long unitId) {
		return orgs.find(unitId).map(OrgUnit::name).orElse(String.valueOf(unitId));
	}

	private String codes(List<Long> indicatorIds) {
		return String.join(", ", indicatorIds.stream().flatMap(i -> catalog.find(i).stream())
				.sorted(Comparator.comparingInt(Indicator::sort)).map(Indicator::code).toList());
	}

	private static String display(String value) {
		return value == null ? "—" : value;
	}
}
