package org.chuangwen.readiness;

import java.util.List;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Percent;

/** A community's place in its street's ranking, with its per-indicator completeness in catalog order. */
record CommunityScore(OrgUnit community, int rank, double completeness, int completeBoxes, List<Double> byIndicator) {

	public CommunityScore {
		byIndicator = List.copyOf(byIndicator);
	}

	public double percent() {
		return Percent.toTenth(completeness);
	}

	/** Per-indicator completeness as whole percentages, in catalog order. */
	public List<Long> percents() {
		return byIndicator.stream().map(Percent::of).toList();
	}
}
