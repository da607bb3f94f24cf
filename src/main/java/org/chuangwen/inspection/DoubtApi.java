package org.chuangwen.inspection;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Doubt signals of a material or of a unit's materials, and a worker's answers to them. */
@RestController
class DoubtApi {

	private final Doubts doubts;

	DoubtApi(Doubts doubts) {
		this.doubts = doubts;
	}

	@GetMapping("/api/v1/materials/{id}/doubts")
	Doubt.OfMaterial ofMaterial(@PathVariable long id) {
		return doubts.ofMaterial(id);
	}

	@GetMapping("/api/v1/doubts")
	List<Doubt.OfMaterial> ofUnit(@RequestParam long orgUnitId) {
		return doubts.ofUnit(orgUnitId);
	}

	record NoteBody(String kind, String note) {}

	@PostMapping("/api/v1/materials/{id}/doubts/notes")
	ResponseEntity<Doubt.Note> answer(@PathVariable long id, @RequestBody NoteBody body) {
		Doubt.Note note = doubts.answer(id, body.kind(), body.note());
		return ResponseEntity.created(URI.create("/api/v1/materials/" + id + "/doubts")).body(note);
	}
}
