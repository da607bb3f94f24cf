package org.chuangwen.surveys;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Zones;
import org.chuangwen.targets.Measure;

/**
 * An awareness target (家庭美德知晓率, 道德模范知晓率, 法制宣传教育普及率) measured from surveys: for each community the latest
 * survey with the target's key created by the day asked, counted as it stood at the end of that day; a street or
 * district pools its communities' latest surveys. The lower bound is the pooled 95% Wilson interval's lower end.
 */
final class SurveyMeasure implements Measure {

	private final String key;
	private final String definition;
	private final Questionnaires questionnaires;
	private final Tally tally;
	private final DataScope scope;
	private final Orgs orgs;

	SurveyMeasure(String key, String definition, Questionnaires questionnaires, Tally tally, DataScope scope, Orgs orgs) {
		this.key = key;
		this.definition = definition;
		this.questionnaires = questionnaires;
		this.tally = tally;
		this.scope = scope;
		this.orgs = orgs;
	}

	@Override
	public String key() {
		return key;
	}

	@Override
	public String definition() {
		return definition;
	}

	@Override
	public Optional<Figure> measure(long orgUnitId, LocalDate on) {
		OrgUnit unit = scope.readable(orgUnitId);
		List<OrgUnit> communities = orgs.communitiesWithin(unit.path());
		if (communities.isEmpty()) {
			communities = orgs.communityOf(unit).map(List::of).orElse(List.of());
		}
		Timestamp before = Timestamp.from(on.plusDays(1).atStartOfDay(Zones.SHANGHAI).toInstant());
		long aware = 0;
		long answers = 0;
		List<Long> surveys = new ArrayList<>();
		for (OrgUnit community : communities) {
			Optional<Survey> latest = questionnaires.latest(community.path(), key, before).flatMap(s -> questionnaires.find(s.id()));
			if (latest.isPresent()) {
				Proportion p = tally.overall(latest.get(), before);
				if (!p.empty()) {
					aware += p.aware();
					answers += p.n();
					surveys.add(latest.get().id());
				}
			}
		}
		if (answers == 0) {
			return Optional.empty();
		}
		Proportion pooled = new Proportion(aware, answers);
		String rows = surveys.size() == 1 ? "/surveys/" + surveys.get(0) : "/surveys?unit=" + unit.id();
		return Optional.of(new Figure(percent(pooled.rate()), percent(pooled.ciLow()), aware + " / " + answers + " 答", rows));
	}

	private static BigDecimal percent(BigDecimal share) {
		return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
	}
}
