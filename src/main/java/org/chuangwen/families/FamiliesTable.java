package org.chuangwen.families;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.chuangwen.people.HouseholdRef;
import org.chuangwen.people.Households;
import org.chuangwen.people.ResidentRef;
import org.chuangwen.tables.StatisticsTable;
import org.springframework.stereotype.Component;

/**
 * 文明家庭统计表: every award standing now that was awarded in the period, with the household's head, address and members
 * by name (no personal numbers at all), and the count per level.
 */
@Component
class FamiliesTable implements StatisticsTable {

	private final Awards awards;
	private final Households households;

	FamiliesTable(Awards awards, Households households) {
		this.awards = awards;
		this.households = households;
	}

	@Override
	public String name() {
		return "families";
	}

	@Override
	public String title() {
		return "文明家庭统计表";
	}

	@Override
	public Table compute(long orgUnitId, LocalDate from, LocalDate to) {
		List<Awards.Award> standing = awards.standing(orgUnitId, from, to);
		Map<Long, HouseholdRef> living = new HashMap<>();
		if (!standing.isEmpty()) {
			households.householdsAt(orgUnitId).forEach(h -> living.put(h.id(), h));
		}
		List<List<Object>> rows = new ArrayList<>();
		Map<FamilyLevel, Integer> perLevel = new EnumMap<>(FamilyLevel.class);
		int members = 0;
		for (Awards.Award a : standing) {
			HouseholdRef h = living.get(a.householdId());
			// a household everyone has left keeps its award row, with the address it had
			String names = h == null ? "" : h.members().stream().map(ResidentRef::name).collect(Collectors.joining("、"));
			int size = h == null ? 0 : h.members().size();
			rows.add(List.of(rows.size() + 1, h == null ? "" : h.headName(), h == null ? a.address() : h.address(), names, size, a.level().label(),
					a.awardedOn().toString(), a.plaqueOn() == null ? "" : a.plaqueOn().toString()));
			perLevel.merge(a.level(), 1, Integer::sum);
			members += size;
		}
		String levels = perLevel.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue() + " 户").collect(Collectors.joining("、"));
		List<Object> totals = List.of("合计", standing.size() + " 户", "", "", members, levels, "", "");
		return new Table(List.of("序号", "户主", "住址", "家庭成员", "人数", "荣誉级别", "授予日期", "挂牌日期"), rows, totals);
	}
}
