package org.chuangwen.evidence;

import org.springframework.data.repository.ListCrudRepository;

interface MaterialRepository extends ListCrudRepository<Material, Long> {}
