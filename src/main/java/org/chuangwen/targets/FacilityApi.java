package org.chuangwen.targets;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.JsonParts;
import org.chuangwen.platform.UserFacingException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.ObjectMapper;

/** A community's facilities (四室两栏一中心一站一场所) as JSON: current records against the standards, recording, history. */
@RestController
@RequestMapping("/api/v1/facilities")
class FacilityApi {

	private final Targets targets;
	private final Facilities facilities;
	private final DataScope scope;
	private final ObjectMapper json;

	FacilityApi(Targets targets, Facilities facilities, DataScope scope, ObjectMapper json) {
		this.targets = targets;
		this.facilities = facilities;
		this.scope = scope;
		this.json = json;
	}

	record FacilityJson(String kind, String name, String indicatorCode, BigDecimal area, Integer books, Boolean fitnessPath, Boolean present,
			Long materialId, String recordedBy, java.time.Instant recordedAt, boolean met, List<TargetStatus> standards) {

		static FacilityJson of(Targets.FacilityState s) {
			Facilities.Facility f = s.current();
			return new FacilityJson(s.kind().name(), s.kind().label, s.kind().indicatorCode, f == null ? null : f.area(), f == null ? null : f.books(),
					f == null ? null : f.fitnessPath(), f == null ? null : f.present(), f == null ? null : f.materialId(), f == null ? null : f.recordedBy(),
					f == null ? null : f.recordedAt(), s.met(), s.standards());
		}
	}

	record FacilitiesJson(long orgUnitId, String name, List<FacilityJson> facilities) {}

	record Meta(Long orgUnitId, String kind, BigDecimal area, Integer books, Boolean fitnessPath, Boolean present, LocalDate dateFormed) {}

	@GetMapping
	FacilitiesJson list(@RequestParam(required = false) Long orgUnitId) {
		Targets.FacilityView view = targets.facilities(orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		return new FacilitiesJson(view.community().id(), view.community().name(), view.facilities().stream().map(FacilityJson::of).toList());
	}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<Facilities.Facility> record(@RequestPart(name = "meta", required = false) String metaJson,
			@RequestPart(name = "photo", required = false) List<MultipartFile> photos) {
		if (metaJson == null || metaJson.isBlank()) {
			throw UserFacingException.badRequest("missing_part", "error.request.missing-part", "meta");
		}
		Meta meta = JsonParts.read(json, "meta", metaJson, Meta.class);
		Facilities.Facility recorded = facilities.record(
				new Facilities.NewFacility(meta.orgUnitId(), meta.kind(), meta.area(), meta.books(), meta.fitnessPath(), meta.present(), meta.dateFormed()),
				Upload.of(photos));
		return ResponseEntity.created(URI.create("/api/v1/facilities/history?orgUnitId=" + recorded.orgUnitId() + "&kind=" + recorded.kind().name()))
				.body(recorded);
	}

	@GetMapping("/history")
	List<Facilities.Facility> history(@RequestParam long orgUnitId, @RequestParam String kind) {
		return facilities.history(orgUnitId, kind);
	}
}
