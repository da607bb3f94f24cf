package org.chuangwen.orgs;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface AccountRepository extends ListCrudRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	List<Account> findByOrgUnitId(Long orgUnitId);

	@Query("select count(*) from app_user_role where role = :role")
	long countHolders(String role);
}
