package org.chuangwen.orgs;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class OrgUnitApi {

	private final DataScope scope;
	private final Orgs orgs;
	private final AuditLog audit;

	OrgUnitApi(DataScope scope, Orgs orgs, AuditLog audit) {
		this.scope = scope;
		this.orgs = orgs;
		this.audit = audit;
	}

	record Me(String username, String displayName, Set<String> roles, long orgUnitId) {}

	record Unit(long id, Long parentId, OrgKind kind, String name, String path) {

		static Unit of(OrgUnit unit) {
			return new Unit(unit.id(), unit.parentId(), unit.kind(), unit.name(), unit.path());
		}
	}

	record NewUnit(Long parentId, OrgKind kind, String name, Integer sort) {}

	@GetMapping("/me")
	Me me() {
		CurrentUser me = scope.user();
		return new Me(me.username(), me.displayName(), me.roles().stream().map(Role::name).collect(Collectors.toSet()), me.orgUnitId());
	}

	@GetMapping("/org-units")
	List<Unit> units() {
		return orgs.within(scope.path()).stream().map(Unit::of).toList();
	}

	@PostMapping("/org-units")
	ResponseEntity<Unit> create(@RequestBody NewUnit body) {
		if (body.parentId() == null || body.kind() == null) {
			throw UserFacingException.badRequest("invalid_unit", "error.org.fields");
		}
		// the org tree is the system administrator's (三权分立), not business data written by the offices
		scope.requireAdmin("org_unit", body.name());
		scope.readable(body.parentId());
		OrgUnit unit = orgs.create(body.parentId(), body.kind(), body.name(), body.sort() == null ? 0 : body.sort());
		audit.record("ORG_UNIT_CREATED", "org_unit", unit.id(), unit.id(), unit.name());
		return ResponseEntity.status(HttpStatus.CREATED).body(Unit.of(unit));
	}
}
