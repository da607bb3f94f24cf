package org.chuangwen.targets;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The targets registry as JSON: a unit's targets, declarations and their history, a street's matrix. */
@RestController
@RequestMapping("/api/v1/targets")
class TargetApi {

	private final Targets targets;
	private final org.chuangwen.orgs.DataScope scope;

	TargetApi(Targets targets, org.chuangwen.orgs.DataScope scope) {
		this.targets = targets;
		this.scope = scope;
	}

	record DeclarationBody(Long orgUnitId, BigDecimal value, Long materialId) {}

	record MatrixJson(long orgUnitId, String name, List<MatrixRow> communities) {}

	record MatrixRow(long orgUnitId, String name, long met, List<TargetStatus> targets) {}

	@GetMapping
	List<TargetStatus> list(@RequestParam(required = false) Long orgUnitId) {
		return targets.of(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
	}

	@PostMapping("/{key}/declarations")
	ResponseEntity<Declarations.Declaration> declare(@PathVariable String key, @RequestBody DeclarationBody body) {
		Declarations.Declaration declaration = targets.declare(key, body.orgUnitId(), body.value(), body.materialId());
		return ResponseEntity.created(URI.create("/api/v1/targets/" + key + "/declarations?orgUnitId=" + declaration.orgUnitId())).body(declaration);
	}

	@GetMapping("/{key}/declarations")
	List<Declarations.Declaration> history(@PathVariable String key, @RequestParam long orgUnitId) {
		return targets.history(key, orgUnitId);
	}

	@GetMapping("/matrix")
	MatrixJson matrix(@RequestParam(required = false) Long orgUnitId) {
		Targets.Matrix matrix = targets.matrix(orgUnitId);
		return new MatrixJson(matrix.unit().id(), matrix.unit().name(),
				matrix.rows().stream().map(r -> new MatrixRow(r.community().id(), r.community().name(), r.met(), r.targets())).toList());
	}
}
