package org.chuangwen.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.ArchiveBox;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.targets.Targets;
import org.springframework.stereotype.Service;

/**
 * The inspection module's facade for pages and the API: the tour of a community (read-only for everyone), and which
 * communities a mock inspection report covers. Grades, samples and doubts are its parts.
 */
@Service
class Inspections {

	private final EvidenceArchive archive;
	private final Catalog catalog;
	private final DataScope scope;
	private final Orgs orgs;
	private final Fingerprints fingerprints;
	private final Doubts doubts;
	private final Grades grades;
	private final Samples samples;
	private final Targets targets;

	Inspections(EvidenceArchive archive, Catalog catalog, DataScope scope, Orgs orgs, Fingerprints fingerprints, Doubts doubts, Grades grades,
			Samples samples, Targets targets) {
		this.archive = archive;
		this.catalog = catalog;
		this.scope = scope;
		this.orgs = orgs;
		this.fingerprints = fingerprints;
		this.doubts = doubts;
		this.grades = grades;
		this.samples = samples;
		this.targets = targets;
	}

	/** The communities in the caller's scope, in display order. */
	List<OrgUnit> communities() {
		return orgs.communitiesWithin(scope.path());
	}

	/** The communities a report on {@code orgUnitId} covers: the community itself, or every one below a street. */
	List<OrgUnit> communitiesOf(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		return unit.kind() == OrgKind.COMMUNITY ? List.of(unit) : orgs.communitiesWithin(unit.path());
	}

	OrgUnit unit(long orgUnitId) {
		return scope.readable(orgUnitId);
	}

	/** The tour of a community in the caller's scope; 404 outside it, 400 for a unit that is not a community. */
	Tour tour(long communityId) {
		OrgUnit community = grades.community(communityId);
		Map<String, Grade> self = grades.current(community.id(), Grade.SELF);
		Map<String, Grade> inspector = grades.current(community.id(), Grade.INSPECTOR);
		List<Tour.Box> boxes = new ArrayList<>();
		Map<Long, MaterialRow> all = new LinkedHashMap<>();
		for (Indicator indicator : catalog.indicators()) {
			ArchiveBox box = archive.box(community.id(), indicator.code());
			List<String> missing = box.missingKinds();
			List<String> present = indicator.evidenceKinds().stream().filter(k -> !missing.contains(k)).toList();
			boxes.add(new Tour.Box(indicator, present, missing, box.completeness(), self.get(indicator.code()), inspector.get(indicator.code()),
					box.materials()));
			box.materials().forEach(m -> all.putIfAbsent(m.id(), m));
		}
		fingerprints.ensure(all.values());
		return new Tour(community, boxes, doubts.ofMaterials(List.copyOf(all.values())), targets(community), samples.ofCommunity(community.id()));
	}

	/** Every target of the registry for the unit, with its figure; one not built yet says so (未建立数据来源). */
	List<Tour.TargetValue> targets(OrgUnit unit) {
		return targets.of(unit.id()).stream()
				.map(t -> new Tour.TargetValue(t.indicatorCode() == null ? "—" : t.indicatorCode(), t.name(), t.symbol(), t.comparator(), t.threshold(),
						t.unit(), t.source(), t.value(), t.value() == null ? null : t.met(), t.basis(), t.definition()))
				.toList();
	}
}
