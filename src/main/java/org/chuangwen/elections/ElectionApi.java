package org.chuangwen.elections;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.Upload;
import org.chuangwen.platform.JsonParts;
import org.chuangwen.platform.UserFacingException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/v1/elections")
class ElectionApi {

	private final Elections elections;
	private final Voting voting;
	private final ElectionMaterials materials;
	private final ObjectMapper json;

	ElectionApi(Elections elections, Voting voting, ElectionMaterials materials, ObjectMapper json) {
		this.elections = elections;
		this.voting = voting;
		this.materials = materials;
		this.json = json;
	}

	record MaterialMeta(String kind, String title, LocalDate dateFormed) {}

	record MaterialJson(long id, String kind, String title, LocalDate dateFormed, List<String> indicatorCodes, int files) {

		static MaterialJson of(MaterialDetails m) {
			return new MaterialJson(m.id(), m.row().kind(), m.row().title(), m.row().dateFormed(), m.row().indicatorCodes(), m.files().size());
		}
	}

	/** Files the election's plan, announcement, results or photos into Ⅲ-17's box: part {@code meta} and parts {@code file}. */
	@PostMapping(value = "/{id}/materials", consumes = "multipart/form-data")
	ResponseEntity<MaterialJson> fileMaterial(@PathVariable long id, @RequestPart(name = "meta", required = false) String metaJson,
			@RequestPart(name = "file", required = false) List<MultipartFile> files) {
		if (metaJson == null || metaJson.isBlank()) {
			throw UserFacingException.badRequest("missing_part", "error.request.missing-part", "meta");
		}
		MaterialMeta meta = JsonParts.read(json, "meta", metaJson, MaterialMeta.class);
		MaterialDetails filed = materials.file(id, meta.kind(), meta.title(), meta.dateFormed(), Upload.of(files));
		return ResponseEntity.created(URI.create("/api/v1/materials/" + filed.id())).body(MaterialJson.of(filed));
	}

	@GetMapping("/{id}/materials")
	List<MaterialJson> materials(@PathVariable long id) {
		return materials.list(id).stream().map(MaterialJson::of).toList();
	}

	record NewElection(Long orgUnitId, String date, String kind) {}

	record ElectionJson(long id, long orgUnitId, LocalDate date, String kind, String kindName, long electorate, long voted, BigDecimal turnout, boolean met,
			List<Elections.TargetCheck> targets) {

		static ElectionJson of(Election e, Elections.Figures f) {
			return new ElectionJson(e.id(), e.orgUnitId(), e.date(), e.kind().name(), e.kind().label(), f.electorate(), f.voted(), f.turnout(), f.met(),
					f.targets());
		}
	}

	record Ids(List<Long> ids) {}

	record ElectorateChange(Long residentId, String action, String reason) {}

	@PostMapping
	ResponseEntity<ElectionJson> create(@RequestBody NewElection body) {
		Election election = elections.create(body.orgUnitId(), body.date(), body.kind());
		return ResponseEntity.created(URI.create("/api/v1/elections/" + election.id())).body(ElectionJson.of(election, elections.figures(election)));
	}

	@GetMapping
	List<ElectionJson> list(@RequestParam(required = false) Long orgUnitId) {
		return elections.list(orgUnitId).stream().map(e -> ElectionJson.of(e, elections.figures(e))).toList();
	}

	@GetMapping("/{id}")
	ElectionJson one(@PathVariable long id) {
		Election election = elections.readable(id);
		return ElectionJson.of(election, elections.figures(election));
	}

	@PostMapping(value = "/{id}/voters", consumes = "multipart/form-data")
	Voting.Result importVoters(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file, HttpServletRequest request)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw UserFacingException.badRequest("missing_part", "error.request.missing-part", "file");
		}
		try (InputStream in = file.getInputStream()) {
			return voting.importList(id, in, RequestContextUtils.getLocale(request));
		}
	}

	@PostMapping(value = "/{id}/voters", consumes = "application/json")
	Voting.Result markVoters(@PathVariable long id, @RequestBody Ids body, HttpServletRequest request) {
		return voting.markIds(id, body.ids(), RequestContextUtils.getLocale(request));
	}

	@GetMapping("/{id}/voters")
	List<Electorate.Voter> voters(@PathVariable long id, @RequestParam(required = false) Long buildingId) {
		return elections.voters(id, buildingId);
	}

	@PostMapping("/{id}/electorate")
	ElectionJson changeElectorate(@PathVariable long id, @RequestBody ElectorateChange body) {
		voting.change(id, body.residentId(), body.action(), body.reason());
		return one(id);
	}

	@GetMapping("/{id}/electorate/changes")
	List<Electorate.Change> changes(@PathVariable long id) {
		return elections.changes(id);
	}
}
