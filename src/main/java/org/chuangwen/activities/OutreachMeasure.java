package org.chuangwen.activities;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.targets.Measure;
import org.springframework.stereotype.Component;

/**
 * Ⅲ-117 进社区活动覆盖率 for the targets registry: {@link OutreachCoverage} over the evaluation year (1 January to the day
 * asked about). A street or district counts the buildings of all its communities together.
 */
@Component
class OutreachMeasure implements Measure {

	private final OutreachCoverage coverage;
	private final DataScope scope;
	private final Orgs orgs;

	OutreachMeasure(OutreachCoverage coverage, DataScope scope, Orgs orgs) {
		this.coverage = coverage;
		this.scope = scope;
		this.orgs = orgs;
	}

	@Override
	public String key() {
		return "jinshequ-coverage";
	}

	@Override
	public String definition() {
		return "当年至少开展过一次科教、文体、法律、卫生、环保进社区活动的楼院 ÷ 楼院总数(活动勾选的楼院或举办所在的楼院)";
	}

	@Override
	public Optional<Figure> measure(long orgUnitId, LocalDate on) {
		OrgUnit unit = scope.readable(orgUnitId);
		LocalDate from = on.withDayOfYear(1);
		List<OrgUnit> communities = orgs.communityOf(unit).map(List::of).orElseGet(() -> orgs.communitiesWithin(unit.path()));
		long buildings = 0;
		long reached = 0;
		for (OrgUnit community : communities) {
			OutreachCoverage.Result result = coverage.of(community.id(), from, on);
			buildings += result.buildings().size();
			reached += result.reached();
		}
		if (buildings == 0) {
			return Optional.empty();
		}
		BigDecimal percent = BigDecimal.valueOf(reached * 100).divide(BigDecimal.valueOf(buildings), 1, RoundingMode.HALF_UP);
		String rows = "/activities/coverage?" + (communities.size() == 1 ? "unit=" + communities.get(0).id() + "&" : "") + "from=" + from + "&to=" + on;
		return Optional.of(new Figure(percent, null, reached + " / " + buildings + " 个楼院", rows));
	}
}
