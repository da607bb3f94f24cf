package org.chuangwen.activities;

import static org.chuangwen.platform.Zones.SHANGHAI;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.springframework.stereotype.Component;

/**
 * What the plan form starts from, so that a worker only changes what differs: the caller's unit, a week ahead from
 * 9:00 to 11:00, and — when planning for a festival or for a plan the street issued — its title, category and the
 * category's indicators. Nothing is stored here; {@link Activities#plan} checks the form as typed.
 */
@Component
class ActivityDrafts {

	static final String OUR_FESTIVALS = "我们的节日";
	private static final LocalTime STARTS = LocalTime.of(9, 0);
	private static final LocalTime ENDS = LocalTime.of(11, 0);

	private final DataScope scope;
	private final Orgs orgs;
	private final Festivals festivals;
	private final IssuedPlans plans;
	private final ActivityCategories categories;
	private final Clock clock;

	ActivityDrafts(DataScope scope, Orgs orgs, Festivals festivals, IssuedPlans plans, ActivityCategories categories, Clock clock) {
		this.scope = scope;
		this.orgs = orgs;
		this.festivals = festivals;
		this.plans = plans;
		this.categories = categories;
		this.clock = clock;
	}

	/**
	 * A draft in {@code unitId} (default: the caller's unit; 404 outside what the caller may write), on {@code date}
	 * (default: a week from today), for {@code festival} or the issued plan {@code planId} when given.
	 */
	NewActivity draft(String festival, LocalDate date, Long planId, Long unitId) {
		long unit = scope.writable(unitId == null ? scope.user().orgUnitId() : unitId).id();
		LocalDate day = date != null ? date : LocalDate.now(clock.withZone(SHANGHAI)).plusDays(7);
		String category = null;
		String title = null;
		if (festival != null) {
			category = festivals.find(day.getYear(), festival).map(Festivals.Festival::category).orElse(OUR_FESTIVALS);
			title = festivalTitle(day.getYear(), festival, category);
		}
		if (planId != null) {
			long community = orgs.find(unit).flatMap(orgs::communityOf).map(OrgUnit::id).orElse(unit);
			IssuedPlan issued = plans.forCommunity(planId, community);
			title = answerTitle(issued.title());
			category = issued.category();
		}
		List<String> codes = category == null ? List.of() : categories.indicatorsOf(categories.category(category)).stream().map(Indicator::code).toList();
		return new NewActivity(unit, title, category, codes, day.atTime(STARTS), day.atTime(ENDS), null, null, null, null, null, null, festival,
				planId);
	}

	/**
	 * The title an activity answering a plan starts with: the plan's subject, not its title as a document —
	 * 关于开展文明礼仪宣传月活动的通知 proposes 文明礼仪宣传月活动.
	 */
	static String answerTitle(String planTitle) {
		String subject = planTitle.strip()
				.replaceFirst("^关于(开展|举办|组织|做好|印发)?", "")
				.replaceFirst("(的)?(实施方案|工作方案|活动方案|方案|通知)$", "")
				.replaceFirst("的$", "")
				.strip();
		return subject.isEmpty() ? planTitle.strip() : subject;
	}

	/** The festivals of this year, to plan for. */
	List<Festivals.Festival> festivalChoices() {
		return festivals.of(LocalDate.now(clock.withZone(SHANGHAI)).getYear());
	}

	/** The units an activity may be planned in: streets, communities and buildings in scope. */
	List<OrgUnit> units() {
		return orgs.within(scope.path()).stream().filter(u -> u.kind() != OrgKind.CITY && u.kind() != OrgKind.DISTRICT).toList();
	}

	/** "2026年端午节“我们的节日”主题活动", or without the campaign's name for a festival of another category. */
	static String festivalTitle(int year, String festival, String category) {
		return OUR_FESTIVALS.equals(category) ? year + "年" + festival + "“" + OUR_FESTIVALS + "”主题活动" : year + "年" + festival + "主题活动";
	}
}
