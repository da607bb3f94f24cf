package org.chuangwen.orgs;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Security administrators lift login blocks; who may is decided by {@link Accounts#unlock}. */
@RestController
class AccountLockApi {

	private final Accounts accounts;

	AccountLockApi(Accounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/accounts/{username}/unlock")
	ResponseEntity<Void> unlock(@PathVariable String username) {
		accounts.unlock(username);
		return ResponseEntity.noContent().build();
	}
}
