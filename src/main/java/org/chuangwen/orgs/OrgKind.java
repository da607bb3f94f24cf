package org.chuangwen.orgs;

import java.util.Set;

/** The levels of the org tree, with the children each level may have. */
public enum OrgKind {
	BUILDING(Set.of()),
	GRID(Set.of(BUILDING)),
	COMMUNITY(Set.of(GRID, BUILDING)),
	STREET(Set.of(COMMUNITY)),
	DISTRICT(Set.of(STREET)),
	CITY(Set.of(DISTRICT));

	private final Set<OrgKind> children;

	OrgKind(Set<OrgKind> children) {
		this.children = children;
	}

	public boolean mayContain(OrgKind child) {
		return children.contains(child);
	}
}
