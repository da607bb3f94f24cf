package org.chuangwen.evidence;

import java.util.List;
import java.util.Optional;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.springframework.stereotype.Component;

/**
 * What the pages of the archive decide beyond filing: the defaults of a new material and the box a worker lands in
 * after filing. Kept out of the controllers so that they only translate HTTP.
 */
@Component
class MaterialPages {

	/** A box as the pages address it: {@code /boxes/{unitId}/{code}}. */
	record BoxAddress(long unitId, String code) {}

	private final Catalog catalog;
	private final DataScope scope;
	private final Orgs orgs;

	MaterialPages(Catalog catalog, DataScope scope, Orgs orgs) {
		this.catalog = catalog;
		this.scope = scope;
		this.orgs = orgs;
	}

	/**
	 * A new material as the upload form starts: the given unit (else the caller's own), which the caller must be
	 * allowed to write to, as 责任者 too; the given indicator, resolved to its code in the edition in force; no date.
	 */
	NewMaterial blank(Long unit, String indicator, String kind) {
		OrgUnit writable = scope.writable(unit == null ? scope.user().orgUnitId() : unit);
		List<String> codes = indicator == null ? List.of() : List.of(catalog.resolve(indicator).code());
		// no date until a file carries one or the worker types it: today would make a 2010 document a new one
		return new NewMaterial(writable.id(), kind, null, null, writable.name(), codes);
	}

	/**
	 * The box a material filed against exactly one indicator belongs in: its community's (a building's material
	 * lies in the box of the community the building is in). Empty when it serves several indicators.
	 */
	Optional<BoxAddress> onlyBoxOf(MaterialDetails filed) {
		if (filed.indicators().size() != 1) {
			return Optional.empty();
		}
		long unitId = filed.row().orgUnitId();
		long community = orgs.find(unitId).flatMap(orgs::communityOf).map(OrgUnit::id).orElse(unitId);
		return Optional.of(new BoxAddress(community, filed.indicators().get(0).code()));
	}
}
