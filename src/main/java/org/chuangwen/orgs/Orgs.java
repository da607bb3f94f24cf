package org.chuangwen.orgs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chuangwen.platform.UserFacingException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The org tree. Unscoped: callers check the caller's scope with {@link DataScope} first. */
@Service
public class Orgs {

	private final OrgUnitRepository units;

	Orgs(OrgUnitRepository units) {
		this.units = units;
	}

	public Optional<OrgUnit> find(long id) {
		return units.findById(id);
	}

	/**
	 * The units with these ids, in one query: how other modules show unit names and order beside their own rows
	 * without reading the {@code org_unit} table. Unknown ids are left out; never returns null.
	 */
	public Map<Long, OrgUnit> units(Collection<Long> ids) {
		Map<Long, OrgUnit> found = new HashMap<>();
		if (!ids.isEmpty()) {
			units.findAllById(new HashSet<>(ids)).forEach(unit -> found.put(unit.id(), unit));
		}
		return found;
	}

	/** The unit at {@code pathPrefix} and everything below it, depth first: each unit followed by its children. */
	public List<OrgUnit> within(String pathPrefix) {
		List<OrgUnit> all = units.findByPathStartingWithOrderByPathAscSortAsc(pathPrefix);
		Map<Long, List<OrgUnit>> children = new HashMap<>();
		Set<Long> ids = new HashSet<>();
		all.forEach(u -> ids.add(u.id()));
		List<OrgUnit> roots = new ArrayList<>();
		for (OrgUnit unit : all) {
			if (unit.parentId() != null && ids.contains(unit.parentId())) {
				children.computeIfAbsent(unit.parentId(), k -> new ArrayList<>()).add(unit);
			} else {
				roots.add(unit);
			}
		}
		Comparator<OrgUnit> order = Comparator.comparingInt(OrgUnit::sort).thenComparing(OrgUnit::id);
		List<OrgUnit> ordered = new ArrayList<>(all.size());
		Deque<OrgUnit> stack = new ArrayDeque<>();
		roots.stream().sorted(order.reversed()).forEach(stack::push);
		while (!stack.isEmpty()) {
			OrgUnit unit = stack.pop();
			ordered.add(unit);
			children.getOrDefault(unit.id(), List.of()).stream().sorted(order.reversed()).forEach(stack::push);
		}
		return ordered;
	}

	/** Communities at or below {@code pathPrefix}, in their display order. */
	public List<OrgUnit> communitiesWithin(String pathPrefix) {
		return units.findByPathStartingWithAndKindOrderBySortAscIdAsc(pathPrefix, OrgKind.COMMUNITY);
	}

	public List<OrgUnit> children(long parentId) {
		return units.findByParentIdOrderBySortAscIdAsc(parentId);
	}

	/** The unit and its ancestors, root first. */
	public List<OrgUnit> lineage(OrgUnit unit) {
		List<OrgUnit> lineage = new ArrayList<>();
		for (String id : unit.path().split("/")) {
			if (!id.isEmpty()) {
				units.findById(Long.parseLong(id)).ifPresent(lineage::add);
			}
		}
		return lineage;
	}

	/** The community the unit belongs to: itself, or the community above a building or grid. */
	public Optional<OrgUnit> communityOf(OrgUnit unit) {
		return lineage(unit).stream().filter(u -> u.kind() == OrgKind.COMMUNITY).findFirst();
	}

	public boolean isEmpty() {
		return units.count() == 0;
	}

	/**
	 * Adds a unit under {@code parentId} (or a root when null).
	 *
	 * @throws UserFacingException when the parent is unknown or cannot hold this kind of unit
	 */
	@Transactional
	public OrgUnit create(Long parentId, OrgKind kind, String name, int sort) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw UserFacingException.badRequest("invalid_name", "error.org.name");
		}
		String parentPath = "/";
		if (parentId != null) {
			OrgUnit parent = units.findById(parentId).orElseThrow(() -> UserFacingException.notFound("error.org.not-found"));
			if (!parent.kind().mayContain(kind)) {
				throw UserFacingException.badRequest("invalid_kind", "error.org.kind", parent.name(), kind);
			}
			parentPath = parent.path();
		}
		OrgUnit saved = units.save(new OrgUnit(null, parentId, kind, name.strip(), parentPath, sort));
		return units.save(saved.withPath(parentPath + saved.id() + "/"));
	}
}
