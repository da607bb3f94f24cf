package org.chuangwen.courtyards;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chuangwen.courtyards.CourtyardAwards.Award;
import org.chuangwen.courtyards.Keepers.Keeper;
import org.chuangwen.courtyards.Marks.Mark;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.Upload;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The 文明楼院 JSON API: inspections of a building, its photos, keepers and awards, and the community's matrix. */
@RestController
@RequestMapping("/api/v1/buildings")
class CourtyardApi {

	private final BuildingInspections inspections;
	private final Overview overview;
	private final Keepers keepers;
	private final CourtyardAwards awards;
	private final Proposals proposals;

	CourtyardApi(BuildingInspections inspections, Overview overview, Keepers keepers, CourtyardAwards awards, Proposals proposals) {
		this.inspections = inspections;
		this.overview = overview;
		this.keepers = keepers;
		this.awards = awards;
		this.proposals = proposals;
	}

	record InspectionBody(List<Mark> standards, LocalDate inspectedOn) {}

	record PhotosJson(long materialId, String title, LocalDate dateFormed, int files) {

		static PhotosJson of(MaterialDetails m) {
			return new PhotosJson(m.id(), m.row().title(), m.row().dateFormed(), m.files().size());
		}
	}

	record KeeperBody(String role, Long residentId, LocalDate assignedOn) {}

	record KeepersJson(Map<String, Keeper> current, List<Keeper> history) {}

	record AwardBody(Integer year, LocalDate awardedOn) {}

	record RevocationBody(String reason, LocalDate revokedOn) {}

	record ChecklistJson(long buildingId, List<Proposals.ProposedStandard> standards) {}

	@PostMapping("/{id}/inspections")
	ResponseEntity<Inspection> inspect(@PathVariable long id, @RequestBody InspectionBody body) {
		Inspection inspection = inspections.inspect(id, body.standards(), body.inspectedOn(), List.of());
		return ResponseEntity.created(URI.create("/api/v1/buildings/" + id + "/inspections/" + inspection.id())).body(inspection);
	}

	@PostMapping(value = "/{id}/inspections/{inspectionId}/photos", consumes = "multipart/form-data")
	ResponseEntity<PhotosJson> photos(@PathVariable long id, @PathVariable long inspectionId,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		return ResponseEntity.status(HttpStatus.CREATED).body(PhotosJson.of(inspections.addPhotos(id, inspectionId, Upload.of(files))));
	}

	@GetMapping("/{id}/inspections")
	List<Inspection> history(@PathVariable long id) {
		return inspections.history(id);
	}

	@GetMapping("/{id}/inspections/{inspectionId}")
	Inspection inspection(@PathVariable long id, @PathVariable long inspectionId) {
		return inspections.find(id, inspectionId);
	}

	@GetMapping("/inspections")
	Overview.Matrix matrix(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) Integer year) {
		return overview.of(orgUnitId, year);
	}

	@GetMapping("/{id}/checklist")
	ChecklistJson checklist(@PathVariable long id) {
		return new ChecklistJson(id, proposals.standards(id));
	}

	@PostMapping("/{id}/keepers")
	ResponseEntity<Keeper> assign(@PathVariable long id, @RequestBody KeeperBody body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(keepers.assign(id, body.role(), body.residentId(), body.assignedOn()));
	}

	@GetMapping("/{id}/keepers")
	KeepersJson keepers(@PathVariable long id) {
		return new KeepersJson(keepers.current(id), keepers.history(id));
	}

	@PostMapping("/{id}/awards")
	ResponseEntity<Award> award(@PathVariable long id, @RequestBody AwardBody body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(awards.award(id, body.year(), body.awardedOn()));
	}

	@PostMapping("/{id}/awards/{awardId}/revocation")
	Award revoke(@PathVariable long id, @PathVariable long awardId, @RequestBody RevocationBody body) {
		return awards.revoke(id, awardId, body.reason(), body.revokedOn());
	}

	@GetMapping("/{id}/awards")
	List<Award> awards(@PathVariable long id) {
		return awards.history(id);
	}

}
