package org.chuangwen.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.chuangwen.platform.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The inspector's API: the tour of a community, grades, spot-check samples and the mock inspection report. */
@RestController
@RequestMapping("/api/v1/inspections")
class InspectionApi {

	private final Inspections inspections;
	private final Grades grades;
	private final Samples samples;
	private final MockReport report;

	InspectionApi(Inspections inspections, Grades grades, Samples samples, MockReport report) {
		this.inspections = inspections;
		this.grades = grades;
		this.samples = samples;
		this.report = report;
	}

	record GradeBody(String grade, String comment) {}

	record SampleBody(Integer size, Long seed) {}

	record CheckBody(String verdict, String note) {}

	record BoxJson(String indicatorCode, String title, List<String> present, List<String> missing, long percent, String selfGrade, boolean selfRecorded,
			String inspectorGrade, String inspectorComment, List<Long> materialIds) {}

	record TargetJson(String indicatorCode, String metric, String comparator, BigDecimal threshold, String unit, BigDecimal value, Boolean met,
			String source) {}

	record TourJson(long orgUnitId, String name, List<BoxJson> boxes, List<Doubt.OfMaterial> doubts, List<TargetJson> targets, List<Sample> samples) {

		static TourJson of(Tour tour) {
			List<BoxJson> boxes = tour.boxes().stream().map(b -> new BoxJson(b.indicator().code(), b.indicator().title(), b.present(), b.missing(), b.percent(),
					b.assessed(), b.selfGrade() != null, b.inspectorGrade() == null ? null : b.inspectorGrade().grade(),
					b.inspectorGrade() == null ? null : b.inspectorGrade().comment(), b.materials().stream().map(m -> m.id()).toList())).toList();
			List<TargetJson> targets = tour.targets().stream().map(t -> new TargetJson(t.indicatorCode(), t.metric(), t.comparator(), t.threshold(), t.unit(),
					t.value(), t.met(), t.source())).toList();
			List<Doubt.OfMaterial> doubts = tour.doubts().values().stream().filter(d -> !d.signals().isEmpty() || !d.notes().isEmpty()).toList();
			return new TourJson(tour.community().id(), tour.community().name(), boxes, doubts, targets, tour.samples());
		}
	}

	@GetMapping("/{orgUnitId}")
	TourJson tour(@PathVariable long orgUnitId) {
		return TourJson.of(inspections.tour(orgUnitId));
	}

	/** The inspector's grade of an indicator (INSPECTOR or STREET). */
	@PutMapping("/{orgUnitId}/grades/{indicatorCode}")
	Grade grade(@PathVariable long orgUnitId, @PathVariable String indicatorCode, @RequestBody GradeBody body) {
		return grades.record(orgUnitId, indicatorCode, Grade.INSPECTOR, body.grade(), body.comment());
	}

	/** The community's own grade of an indicator (its workers, or its street office). */
	@PutMapping("/{orgUnitId}/self-grades/{indicatorCode}")
	Grade selfGrade(@PathVariable long orgUnitId, @PathVariable String indicatorCode, @RequestBody GradeBody body) {
		return grades.record(orgUnitId, indicatorCode, Grade.SELF, body.grade(), body.comment());
	}

	/** Every grade of a community, inspector's and self-assessed, oldest first: the history. */
	@GetMapping("/{orgUnitId}/grades")
	List<Grade> grades(@PathVariable long orgUnitId) {
		grades.community(orgUnitId);
		List<Grade> all = new java.util.ArrayList<>(grades.all(orgUnitId, Grade.INSPECTOR));
		all.addAll(grades.all(orgUnitId, Grade.SELF));
		all.sort(java.util.Comparator.comparing(Grade::gradedAt));
		return all;
	}

	@PostMapping("/{orgUnitId}/samples")
	ResponseEntity<Sample> sample(@PathVariable long orgUnitId, @RequestBody SampleBody body) {
		Sample sample = samples.draw(orgUnitId, body.size(), body.seed());
		return ResponseEntity.created(URI.create("/api/v1/inspections/samples/" + sample.id())).body(sample);
	}

	@GetMapping("/samples/{sampleId}")
	Sample sample(@PathVariable long sampleId) {
		return samples.find(sampleId);
	}

	@PutMapping("/samples/{sampleId}/materials/{materialId}")
	Sample check(@PathVariable long sampleId, @PathVariable long materialId, @RequestBody CheckBody body) {
		return samples.check(sampleId, materialId, body.verdict(), body.note());
	}

	@GetMapping("/{orgUnitId}/report.docx")
	ResponseEntity<byte[]> report(@PathVariable long orgUnitId) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		report.write(orgUnitId, out);
		return Downloads.of(report.fileName(orgUnitId), Downloads.DOCX, out.toByteArray());
	}
}
