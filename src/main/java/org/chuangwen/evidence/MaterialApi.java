package org.chuangwen.evidence;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.chuangwen.platform.FieldChange;
import org.chuangwen.platform.JsonParts;
import org.chuangwen.platform.UserFacingException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/v1/materials")
class MaterialApi {

	private final EvidenceArchive archive;
	private final ObjectMapper json;

	MaterialApi(EvidenceArchive archive, ObjectMapper json) {
		this.archive = archive;
		this.json = json;
	}

	record FileJson(int index, String name, String contentType, long size, String sha256, LocalDateTime takenAt, Integer pages,
			PhotoCaption caption) {}

	record MaterialJson(long id, long orgUnitId, String orgUnitName, String kind, String title, LocalDate dateFormed,
			String responsibleParty, String documentNumber, List<String> indicatorCodes, String uploadedBy, Instant uploadedAt, boolean late,
			Instant deletedAt, List<FileJson> files) {

		static MaterialJson of(MaterialRow row) {
			return new MaterialJson(row.id(), row.orgUnitId(), row.orgUnitName(), row.kind(), row.title(), row.dateFormed(),
					row.responsibleParty(), row.documentNumber(), row.indicatorCodes(), row.uploadedBy(), row.uploadedAt(), row.late(), row.deletedAt(),
					row.files().stream().map(f -> new FileJson(f.index(), f.name(), f.contentType(), f.size(), f.sha256(), f.takenAt(), f.pages(),
							f.photo() ? f.caption() : null)).toList());
		}

		static MaterialJson of(MaterialDetails details) {
			return of(details.row());
		}
	}

	record PageJson(List<MaterialJson> items, long total, int page, int size) {}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<MaterialJson> file(@RequestPart(name = "meta", required = false) String metaJson,
			@RequestPart(name = "file", required = false) List<MultipartFile> files) {
		if (metaJson == null || metaJson.isBlank()) {
			throw UserFacingException.badRequest("missing_part", "error.request.missing-part", "meta");
		}
		NewMaterial meta = JsonParts.read(json, "meta", metaJson, NewMaterial.class);
		MaterialDetails filed = archive.file(meta, Upload.of(files));
		return ResponseEntity.created(URI.create("/api/v1/materials/" + filed.id())).body(MaterialJson.of(filed));
	}

	/** Reads the chosen files and proposes title, date formed and 责任者; nothing is stored. */
	@PostMapping(value = "/propose", consumes = "multipart/form-data")
	MaterialProposal propose(@RequestParam(required = false) Long orgUnitId, @RequestPart(name = "file", required = false) List<MultipartFile> files) {
		return archive.propose(orgUnitId, Upload.of(files));
	}

	@GetMapping
	PageJson search(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String indicatorCode,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean recycled,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Page<MaterialRow> result = archive.search(new MaterialQuery(orgUnitId, indicatorCode, kind, year, q, recycled, page, size));
		return new PageJson(result.getContent().stream().map(MaterialJson::of).toList(), result.getTotalElements(),
				result.getNumber(), result.getSize());
	}

	@GetMapping("/{id}")
	MaterialJson find(@PathVariable long id) {
		return MaterialJson.of(archive.find(id));
	}

	/** Corrects the fields given (only those); the files stay as they are. */
	@PutMapping("/{id}")
	MaterialJson correct(@PathVariable long id, @RequestBody MaterialCorrection correction) {
		return MaterialJson.of(archive.correct(id, correction));
	}

	@GetMapping("/{id}/history")
	List<FieldChange> history(@PathVariable long id) {
		return archive.history(id);
	}

	@GetMapping("/{id}/files/{index}")
	ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable int index) {
		return FileResponses.send(archive, archive.download(id, index), true);
	}

	/** Replaces the DA/T 50 caption of a photo. */
	@PutMapping("/{id}/files/{index}/caption")
	MaterialJson caption(@PathVariable long id, @PathVariable int index, @RequestBody PhotoCaption caption) {
		archive.caption(new PhotoRef(id, index), caption);
		return MaterialJson.of(archive.find(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> recycle(@PathVariable long id) {
		archive.recycle(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/restore")
	MaterialJson restore(@PathVariable long id) {
		archive.restore(id);
		return MaterialJson.of(archive.find(id));
	}
}
