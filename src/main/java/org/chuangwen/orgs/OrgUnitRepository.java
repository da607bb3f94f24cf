package org.chuangwen.orgs;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

interface OrgUnitRepository extends ListCrudRepository<OrgUnit, Long> {

	List<OrgUnit> findByPathStartingWithOrderByPathAscSortAsc(String pathPrefix);

	List<OrgUnit> findByPathStartingWithAndKindOrderBySortAscIdAsc(String pathPrefix, OrgKind kind);

	List<OrgUnit> findByParentIdOrderBySortAscIdAsc(Long parentId);
}
