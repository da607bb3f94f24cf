package org.chuangwen.elections;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chuangwen.targets.Measure;
import org.springframework.stereotype.Component;

/**
 * 选民参选率 for the targets module: the latest election of the community held on or before the day; for a street or
 * district, the voters who voted over the electorate of each community's latest election.
 */
@Component
class VoterTurnout implements Measure {

	private final Elections elections;
	private final Electorate electorate;

	VoterTurnout(Elections elections, Electorate electorate) {
		this.elections = elections;
		this.electorate = electorate;
	}

	@Override
	public String key() {
		return "voter-turnout";
	}

	@Override
	public String definition() {
		return "已投票选民数 ÷ 登记选民数(最近一次换届选举;年满18周岁、居住在本社区的居民,按选举日计算)";
	}

	@Override
	public Optional<Figure> measure(long orgUnitId, LocalDate on) {
		List<Election> latest = elections.latestPerCommunity(orgUnitId, on);
		long voters = 0;
		long voted = 0;
		for (Election election : latest) {
			Electorate.Counts counts = electorate.counts(election.id());
			voters += counts.electorate();
			voted += counts.voted();
		}
		if (voters == 0) {
			return Optional.empty();
		}
		String rows = latest.size() == 1 ? "/elections/" + latest.get(0).id() : "/elections?orgUnitId=" + orgUnitId;
		return Optional.of(new Figure(Elections.percent(voted, voters), null, voted + " / " + voters + " 人", rows));
	}
}
