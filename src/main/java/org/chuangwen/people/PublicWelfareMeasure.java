package org.chuangwen.people;

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
 * Ⅲ-53 公益活动参与率 for the targets registry: {@link Residents#participation} over the evaluation year (1 January to the
 * day asked about). A street or district counts the residents and participants of all its communities together.
 */
@Component
class PublicWelfareMeasure implements Measure {

	private final Residents residents;
	private final DataScope scope;
	private final Orgs orgs;

	PublicWelfareMeasure(Residents residents, DataScope scope, Orgs orgs) {
		this.residents = residents;
		this.scope = scope;
		this.orgs = orgs;
	}

	@Override
	public String key() {
		return "public-welfare-participation";
	}

	@Override
	public String definition() {
		return "当年参加过公益类活动(按签到手机号与居民登记的手机号匹配)的居民 ÷ 登记居民总数";
	}

	@Override
	public Optional<Figure> measure(long orgUnitId, LocalDate on) {
		OrgUnit unit = scope.readable(orgUnitId);
		LocalDate from = on.withDayOfYear(1);
		List<OrgUnit> communities = orgs.communityOf(unit).map(List::of).orElseGet(() -> orgs.communitiesWithin(unit.path()));
		long people = 0;
		long participants = 0;
		for (OrgUnit community : communities) {
			Participation p = residents.participation(community.id(), from, on);
			people += p.residents();
			participants += p.participants();
		}
		if (people == 0) {
			return Optional.empty();
		}
		BigDecimal percent = BigDecimal.valueOf(participants * 100).divide(BigDecimal.valueOf(people), 1, RoundingMode.HALF_UP);
		String rows = "/residents/participation?" + (communities.size() != 1 ? ""
				: "orgUnitId=" + communities.get(0).id() + "&") + "from=" + from + "&to=" + on + "&rows=true";
		return Optional.of(new Figure(percent, null, participants + " / " + people + " 人", rows));
	}
}
