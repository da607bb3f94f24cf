package org.chuangwen.orgs;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A node of the org tree. {@code path} is the materialized path of ids ({@code /1/4/9/}), so everything under a
 * unit is one indexed prefix query.
 */
@Table("org_unit")
public record OrgUnit(@Id Long id, Long parentId, OrgKind kind, String name, String path, int sort) {

	public OrgUnit withId(Long id) {
		return new OrgUnit(id, parentId, kind, name, path, sort);
	}

	OrgUnit withPath(String path) {
		return new OrgUnit(id, parentId, kind, name, path, sort);
	}

	/** Whether {@code other} is this unit or lies below it. */
	public boolean contains(String otherPath) {
		return otherPath != null && otherPath.startsWith(path);
	}
}
