package org.chuangwen.readiness;

import java.util.List;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Percent;

/**
 * A community's place in its street's ranking by completeness ({@code rank}) and by score ({@code scoreRank}), with its
 * per-indicator completeness in catalog order; {@code score} is the weighted mean of its indicator scores (0–100).
 */
record CommunityScore(OrgUnit community, int rank, double completeness, int completeBoxes, List<Double> byIndicator, double score, String grade,
		int scoreRank) {

	public CommunityScore {
		byIndicator = List.copyOf(byIndicator);
	}

	CommunityScore ranked(int rank) {
		return new CommunityScore(community, rank, completeness, completeBoxes, byIndicator, score, grade, scoreRank);
	}

	CommunityScore scoreRanked(int scoreRank) {
		return new CommunityScore(community, rank, completeness, completeBoxes, byIndicator, score, grade, scoreRank);
	}

	public double percent() {
		return Percent.toTenth(completeness);
	}

	/** Per-indicator completeness as whole percentages, in catalog order. */
	public List<Long> percents() {
		return byIndicator.stream().map(Percent::of).toList();
	}
}
