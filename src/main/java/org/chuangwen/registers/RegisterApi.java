package org.chuangwen.registers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.UserFacingException;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.support.RequestContextUtils;

@RestController
@RequestMapping("/api/v1/registers")
class RegisterApi {

	private final Registers registers;
	private final Sheets sheets;

	RegisterApi(Registers registers, Sheets sheets) {
		this.registers = registers;
		this.sheets = sheets;
	}

	record SchemaJson(String name, String title, int version, List<Column> columns, List<String> keyColumns, Map<String, String> retiredColumns) {

		static SchemaJson of(Schema s) {
			return new SchemaJson(s.name(), s.title(), s.version(), s.columns(), s.keyColumns(), s.retired());
		}
	}

	/** A row as everyone sees it: personal data masked, a resident as name(id), retired columns by their old label. */
	record RowJson(long id, long orgUnitId, Map<String, String> values, Map<String, String> retired, int version, String recordedBy, Instant recordedAt) {

		static RowJson of(Schema schema, RegisterRows.Row r) {
			return new RowJson(r.id(), r.orgUnitId(), Sheets.displayed(schema, r.values()), Sheets.retired(schema, r.values()), r.version(), r.recordedBy(),
					r.recordedAt());
		}
	}

	record PageJson(List<RowJson> items, int page, int size, long total, int pages) {}

	record NewRow(Long orgUnitId, Map<String, Object> values) {}

	record ChangeJson(int version, Map<String, String> values, String changedBy, Instant changedAt) {}

	@GetMapping
	List<SchemaJson> list() {
		return registers.all().stream().map(SchemaJson::of).toList();
	}

	@PostMapping
	ResponseEntity<SchemaJson> define(@RequestBody SchemaBook.Definition definition) {
		Schema schema = registers.define(definition);
		return ResponseEntity.created(URI.create("/api/v1/registers/" + schema.name())).body(SchemaJson.of(schema));
	}

	@GetMapping("/{name}")
	SchemaJson schema(@PathVariable String name) {
		return SchemaJson.of(registers.schema(name));
	}

	/** A new schema version; the rows stay. */
	@PutMapping("/{name}")
	SchemaJson change(@PathVariable String name, @RequestBody SchemaBook.Definition definition) {
		registers.schema(name);
		return SchemaJson.of(registers.change(name, definition));
	}

	@GetMapping("/{name}/rows")
	PageJson rows(@PathVariable String name, @RequestParam long orgUnitId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Schema schema = registers.schema(name);
		Registers.Page found = registers.rows(schema, orgUnitId, q, page, size);
		return new PageJson(found.items().stream().map(r -> RowJson.of(schema, r)).toList(), found.page(), found.size(), found.total(), found.pages());
	}

	@PostMapping("/{name}/rows")
	ResponseEntity<RowJson> add(@PathVariable String name, @RequestBody NewRow row) {
		Schema schema = registers.schema(name);
		if (row == null || row.orgUnitId() == null) {
			throw UserFacingException.badRequest("invalid_row", "registers.row.unit-missing");
		}
		RegisterRows.Row added = registers.add(schema, row.orgUnitId(), row.values());
		return ResponseEntity.created(URI.create("/api/v1/registers/" + name + "/rows/" + added.id())).body(RowJson.of(schema, added));
	}

	@GetMapping("/{name}/rows/{id}")
	RowJson row(@PathVariable String name, @PathVariable long id) {
		Schema schema = registers.schema(name);
		return RowJson.of(schema, registers.row(schema, id));
	}

	@PutMapping("/{name}/rows/{id}")
	RowJson change(@PathVariable String name, @PathVariable long id, @RequestBody NewRow row) {
		Schema schema = registers.schema(name);
		return RowJson.of(schema, registers.change(schema, id, row == null ? Map.of() : row.values()));
	}

	@GetMapping("/{name}/rows/{id}/history")
	List<ChangeJson> history(@PathVariable String name, @PathVariable long id) {
		Schema schema = registers.schema(name);
		return registers.history(schema, id).stream()
				.map(c -> new ChangeJson(c.version(), Sheets.displayed(schema, c.values()), c.changedBy(), c.changedAt()))
				.toList();
	}

	@PostMapping("/{name}/import")
	Registers.ImportResult importRows(@PathVariable String name, @RequestParam long orgUnitId, @RequestPart(name = "file", required = false) MultipartFile file,
			HttpServletRequest request) throws IOException {
		Schema schema = registers.schema(name);
		if (file == null || file.isEmpty()) {
			throw UserFacingException.badRequest("missing_part", "registers.import.no-file");
		}
		try (InputStream in = file.getInputStream()) {
			return registers.importRows(schema, orgUnitId, file.getOriginalFilename(), in, RequestContextUtils.getLocale(request));
		}
	}

	@GetMapping("/imports/{id}/report.xlsx")
	ResponseEntity<byte[]> report(@PathVariable long id) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		sheets.writeReport(id, out);
		return Downloads.of("导入错误行-" + id + ".xlsx", Downloads.XLSX, out.toByteArray());
	}

	@GetMapping("/{name}/template.xlsx")
	ResponseEntity<byte[]> template(@PathVariable String name) throws IOException {
		Schema schema = registers.schema(name);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		sheets.writeTemplate(schema, out);
		return Downloads.of(schema.title() + "模板.xlsx", Downloads.XLSX, out.toByteArray());
	}

	@GetMapping("/{name}.xlsx")
	void export(@PathVariable String name, @RequestParam long orgUnitId, HttpServletResponse response) throws IOException {
		sheets.export(registers.schema(name), orgUnitId).send(response);
	}
}
