package org.chuangwen.tables;

import java.net.URI;
import java.util.List;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.platform.Downloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tables")
class TableApi {

	private final Tables tables;

	TableApi(Tables tables) {
		this.tables = tables;
	}

	record TableJson(String name, String title) {}

	/** The material as filed; its whole record is at {@code GET /api/v1/materials/{id}}. */
	record FiledJson(long id, long orgUnitId, String kind, String title, java.time.LocalDate dateFormed, List<String> indicatorCodes) {}

	@GetMapping
	List<TableJson> list() {
		return tables.all().stream().map(t -> new TableJson(t.name(), t.title())).toList();
	}

	@GetMapping("/{name}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String name, @RequestParam long orgUnitId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Tables.Written written = tables.write(name, orgUnitId, Tables.Period.of(from, to));
		return Downloads.of(written.title() + ".xlsx", Downloads.XLSX, written.xlsx());
	}

	@PostMapping("/{name}/file")
	ResponseEntity<FiledJson> file(@PathVariable String name, @RequestParam long orgUnitId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		MaterialDetails filed = tables.file(name, orgUnitId, Tables.Period.of(from, to));
		var row = filed.row();
		return ResponseEntity.created(URI.create("/api/v1/materials/" + row.id()))
				.body(new FiledJson(row.id(), row.orgUnitId(), row.kind(), row.title(), row.dateFormed(), row.indicatorCodes()));
	}
}
