package org.chuangwen.readiness;

import java.util.List;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Percent;

/**
 * Readiness of a unit: per indicator, overall (the mean of indicator completeness, each box counting the same),
 * and for a unit above the community level its communities ranked best first.
 */
record UnitReadiness(OrgUnit unit, double completeness, List<IndicatorReadiness> indicators, List<CommunityScore> communities) {

	public UnitReadiness {
		indicators = List.copyOf(indicators);
		communities = List.copyOf(communities);
	}

	public double percent() {
		return Percent.toTenth(completeness);
	}

	public boolean aggregate() {
		return communities.size() > 1 || (communities.size() == 1 && !communities.get(0).community().id().equals(unit.id()));
	}
}
