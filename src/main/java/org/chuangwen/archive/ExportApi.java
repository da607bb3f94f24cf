package org.chuangwen.archive;

import java.net.URI;
import java.util.List;
import org.chuangwen.platform.UserFacingException;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/exports")
class ExportApi {

	private final Exports exports;

	ExportApi(Exports exports) {
		this.exports = exports;
	}

	record ExportRequest(Long orgUnitId, List<String> indicatorCodes, Integer photosPerPage) {}

	record ExportJson(long id, long orgUnitId, List<String> indicatorCodes, String state, int progress, String downloadUrl,
			String fileName, Long fileSize, Integer entries, String error) {

		static ExportJson of(ExportJob job) {
			return new ExportJson(job.id(), job.orgUnitId(), job.indicatorCodes(), job.state().name(), job.progress(),
					job.done() ? "/api/v1/exports/" + job.id() + "/download" : null, job.fileName(), job.fileSize(), job.entries(), job.error());
		}
	}

	@PostMapping
	ResponseEntity<ExportJson> request(@RequestBody ExportRequest request) {
		if (request.orgUnitId() == null) {
			throw UserFacingException.badRequest("missing_unit", "error.export.community", "");
		}
		ExportJob job = exports.request(request.orgUnitId(), request.indicatorCodes(), request.photosPerPage());
		return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/exports/" + job.id())).body(ExportJson.of(job));
	}

	@GetMapping("/{id}")
	ExportJson find(@PathVariable long id) {
		return ExportJson.of(exports.find(id));
	}

	@GetMapping("/{id}/download")
	ResponseEntity<Resource> download(@PathVariable long id) {
		return ArchiveDownloads.zip(exports.file(id), exports.find(id).fileName());
	}
}
