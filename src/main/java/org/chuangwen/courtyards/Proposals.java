package org.chuangwen.courtyards;

import java.util.List;
import java.util.Map;
import org.chuangwen.courtyards.Checklist.Item;
import org.chuangwen.courtyards.Checklist.Standard;
import org.springframework.stereotype.Component;

/**
 * The checklist as an inspector meets it for one building: 有楼长 and 有卫生管理人员 are proposed as met when the building
 * has a current keeper of that role; the inspector still decides.
 */
@Component
class Proposals {

	record ProposedItem(String code, String title, boolean proposed, String keeper) {}

	record ProposedStandard(String code, String title, String text, int weight, List<ProposedItem> items) {}

	private final Checklist checklist;
	private final Keepers keepers;

	Proposals(Checklist checklist, Keepers keepers) {
		this.checklist = checklist;
		this.keepers = keepers;
	}

	/** The standards with each item's proposal for the building; 404 for a building outside the caller's scope. */
	List<ProposedStandard> standards(long buildingId) {
		Map<String, Keepers.Keeper> current = keepers.current(buildingId);
		return checklist.standards().stream().map((Standard s) -> new ProposedStandard(s.code(), s.title(), s.text(), s.weight(),
				s.items().stream().map((Item i) -> {
					Keepers.Keeper keeper = i.keeperRole() == null ? null : current.get(i.keeperRole());
					return new ProposedItem(i.code(), i.title(), keeper != null, keeper == null ? null : keeper.residentName());
				}).toList())).toList();
	}
}
