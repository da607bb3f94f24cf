package org.chuangwen.orgs;

import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Accounts (system administrator), their roles and password resets (security administrator), one's own password. */
@RestController
@RequestMapping("/api/v1")
class AccountApi {

	private final Accounts accounts;

	AccountApi(Accounts accounts) {
		this.accounts = accounts;
	}

	record RoleChange(Set<Role> roles) {}

	record PasswordReset(String password) {}

	record PasswordChange(String oldPassword, String newPassword) {}

	record EmailChange(String email) {}

	@GetMapping("/accounts")
	List<AccountView> list() {
		return accounts.list();
	}

	@PostMapping("/accounts")
	ResponseEntity<AccountView> create(@RequestBody NewAccount body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(accounts.register(body));
	}

	@PutMapping("/accounts/{username}/roles")
	AccountView roles(@PathVariable String username, @RequestBody RoleChange body) {
		return accounts.changeRoles(username, body.roles());
	}

	@PostMapping("/accounts/{username}/password-reset")
	ResponseEntity<Void> reset(@PathVariable String username, @RequestBody PasswordReset body) {
		accounts.resetPassword(username, body.password());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/me/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange body) {
		accounts.changePassword(body.oldPassword(), body.newPassword());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/me/email")
	ResponseEntity<Void> changeEmail(@RequestBody EmailChange body) {
		accounts.changeEmail(body.email());
		return ResponseEntity.noContent().build();
	}
}
