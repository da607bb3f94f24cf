package org.chuangwen.courtyards;

import java.util.List;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.springframework.stereotype.Component;

/** Buildings are org units of kind BUILDING: found through the caller's scope, so a foreign or unknown id is a 404. */
@Component
class Buildings {

	private final DataScope scope;
	private final Orgs orgs;

	Buildings(DataScope scope, Orgs orgs) {
		this.scope = scope;
		this.orgs = orgs;
	}

	/** A building the caller may read; 404 for a unit outside the scope or one that is not a building. */
	OrgUnit readable(long id) {
		return building(scope.readable(id));
	}

	/** A building the caller may write to; 404 as {@link #readable}, 403 for a read-only role. */
	OrgUnit writable(long id) {
		return building(scope.writable(id));
	}

	/** The community a building belongs to (the building itself when it hangs under no community). */
	OrgUnit community(OrgUnit building) {
		return orgs.communityOf(building).orElse(building);
	}

	/** The buildings at or below a unit the caller may read (the caller's own unit when null), in tree order. */
	List<OrgUnit> within(Long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		return orgs.within(unit.path()).stream().filter(u -> u.kind() == OrgKind.BUILDING).toList();
	}

	/** The communities the caller may read, for choosing whose buildings to show. */
	List<OrgUnit> communities() {
		return orgs.communitiesWithin(scope.path());
	}

	String username() {
		return scope.user().username();
	}

	private static OrgUnit building(OrgUnit unit) {
		if (unit.kind() != OrgKind.BUILDING) {
			throw UserFacingException.notFound("error.courtyard.not-a-building");
		}
		return unit;
	}
}
