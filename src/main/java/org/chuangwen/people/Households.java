package org.chuangwen.people;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.stereotype.Service;

/**
 * The households (户) of the caller's part of the org tree, formed from the residents' addresses (building, 单元, 门牌).
 * A household without members (everyone moved out) is kept but neither listed nor counted.
 */
@Service
public class Households {

	/** The relation (户主关系) that makes a member the head of the household. */
	static final String HEAD = "户主";

	private final HouseholdRows rows;
	private final DataScope scope;
	private final Orgs orgs;
	private final PeopleProperties properties;

	Households(HouseholdRows rows, DataScope scope, Orgs orgs, PeopleProperties properties) {
		this.rows = rows;
		this.scope = scope;
		this.orgs = orgs;
		this.properties = properties;
	}

	/** The household if the caller may read it and someone lives there; empty otherwise. */
	public Optional<HouseholdRef> household(long id) {
		String path = scope.path();
		return rows.find(id).filter(h -> h.orgPath().startsWith(path)).map(h -> refs(List.of(h))).filter(l -> !l.isEmpty()).map(l -> l.get(0));
	}

	/**
	 * The number of households with at least one member at or below the unit.
	 *
	 * @throws UserFacingException 404 for a unit outside the caller's scope
	 */
	public long countAt(long orgUnitId) {
		return rows.count(scope.readable(orgUnitId).path(), null);
	}

	/**
	 * Every household with at least one member at or below the unit, in building, 单元 and 门牌 order.
	 *
	 * @throws UserFacingException 404 for a unit outside the caller's scope
	 */
	public List<HouseholdRef> householdsAt(long orgUnitId) {
		OrgUnit unit = scope.readable(orgUnitId);
		return refs(rows.page(unit.path(), null, 0, Integer.MAX_VALUE));
	}

	record Page(List<HouseholdRef> items, int page, int size, long total, int pages) {}

	/** A page of households at or below the unit; {@code q} matches a member as the residents list does. */
	Page list(long orgUnitId, String q, Integer page, Integer size) {
		OrgUnit unit = scope.readable(orgUnitId);
		int p = page == null || page < 1 ? 1 : page;
		int s = size == null || size < 1 ? properties.pageSize() : Math.min(size, 200);
		String query = q == null || q.isBlank() ? null : q.strip();
		if (query != null) {
			Text.check("q", query, false);
		}
		long total = rows.count(unit.path(), query);
		return new Page(refs(rows.page(unit.path(), query, (p - 1) * s, s)), p, s, total, (int) Math.max(1, (total + s - 1) / s));
	}

	private List<HouseholdRef> refs(List<HouseholdRows.Row> households) {
		Set<Long> ids = new HashSet<>();
		Set<Long> buildings = new HashSet<>();
		for (HouseholdRows.Row h : households) {
			ids.add(h.id());
			buildings.add(h.buildingId());
		}
		Map<Long, List<ResidentView>> members = rows.members(ids);
		Map<Long, OrgUnit> units = orgs.units(buildings);
		List<HouseholdRef> refs = new ArrayList<>();
		for (HouseholdRows.Row h : households) {
			List<ResidentView> people = members.getOrDefault(h.id(), List.of());
			if (people.isEmpty()) {
				continue;
			}
			String head = people.stream().filter(r -> HEAD.equals(r.relation())).findFirst().orElse(people.get(0)).name();
			OrgUnit building = units.get(h.buildingId());
			refs.add(new HouseholdRef(h.id(), h.buildingId(), h.orgPath(), address(building == null ? "" : building.name(), h.unitNo(), h.roomNo()), head,
					people.stream().map(Residents::ref).toList()));
		}
		return refs;
	}

	/** 1号楼 + 2 (or 2单元) + 301 → 1号楼2单元301. */
	static String address(String building, String unitNo, String roomNo) {
		String unit = unitNo == null || unitNo.isEmpty() ? "" : unitNo.endsWith("单元") ? unitNo : unitNo + "单元";
		return building + unit + roomNo;
	}
}
