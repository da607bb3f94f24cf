package org.chuangwen.people;

import java.util.List;

/**
 * A household (户) as other modules may know it: the residents at one building, 单元 and 门牌.
 *
 * @param orgPath the materialized path of the household's building (the scope it falls under)
 * @param address the building's name, 单元 and 门牌, e.g. {@code 1号楼2单元301}
 * @param headName the name of the member whose relation is 户主, or of the first member when nobody is
 * @param members the residents living there, oldest registration first, personal numbers masked
 */
public record HouseholdRef(long id, long buildingId, String orgPath, String address, String headName, List<ResidentRef> members) {

	public HouseholdRef {
		members = List.copyOf(members);
	}
}
