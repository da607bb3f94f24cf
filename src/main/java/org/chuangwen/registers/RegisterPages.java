package org.chuangwen.registers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.orgs.Role;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/** A register's pages: the list with search and pages, the form, template, import with its progress and report, export. */
@Controller
class RegisterPages {

	static final String INDEX = "registers/registers";
	static final String LIST = "registers/list";
	static final String FORM = "registers/form";
	static final String JOB = "registers/import-job";
	static final String PROGRESS = "registers/import-job :: progress";
	private static final int SHOWN_ROWS = 100;
	private static final String FIELD = "v_";

	private final Registers registers;
	private final Sheets sheets;
	private final DataScope scope;
	private final Orgs orgs;
	private final UserMessages messages;

	RegisterPages(Registers registers, Sheets sheets, DataScope scope, Orgs orgs, UserMessages messages) {
		this.registers = registers;
		this.sheets = sheets;
		this.scope = scope;
		this.orgs = orgs;
		this.messages = messages;
	}

	@GetMapping("/registers")
	String index(Model model) {
		model.addAttribute("registers", registers.all());
		model.addAttribute("admin", scope.user().has(Role.ADMIN));
		return INDEX;
	}

	@GetMapping("/registers/{name}")
	String list(@PathVariable String name, @RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		Schema schema = registers.schema(name);
		long unit = orgUnitId == null ? scope.user().orgUnitId() : orgUnitId;
		Registers.Page found = registers.rows(schema, unit, q, page, null);
		model.addAttribute("schema", schema);
		model.addAttribute("units", orgs.within(scope.path()).stream().filter(u -> u.kind().ordinal() >= OrgKind.COMMUNITY.ordinal()).toList());
		model.addAttribute("communities", communities());
		model.addAttribute("orgUnitId", unit);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("found", found);
		model.addAttribute("rows", found.items().stream().map(r -> new Shown(r.id(), Sheets.displayed(schema, r.values()), Sheets.retired(schema, r.values())))
				.toList());
		model.addAttribute("imports", registers.recentImports(schema, 5));
		return LIST;
	}

	/** A row as the list shows it. */
	record Shown(long id, Map<String, String> values, Map<String, String> retired) {}

	private List<OrgUnit> communities() {
		return orgs.within(scope.path()).stream().filter(u -> u.kind() == OrgKind.COMMUNITY).toList();
	}

	@GetMapping("/registers/{name}/new")
	String add(@PathVariable String name, @RequestParam(required = false) Long orgUnitId, Model model) {
		return form(model, registers.schema(name), null, orgUnitId, Map.of(), Map.of(), null);
	}

	@GetMapping("/registers/{name}/rows/{id}/edit")
	String edit(@PathVariable String name, @PathVariable long id, Model model) {
		Schema schema = registers.schema(name);
		RegisterRows.Row row = registers.row(schema, id);
		Map<String, String> values = new HashMap<>(Sheets.displayed(schema, row.values()));
		for (Column c : schema.columns()) {
			if (Column.PERSON.equals(c.type()) && row.values().get(c.key()) instanceof Map<?, ?> person) {
				values.put(c.key(), String.valueOf(person.get("id")));
			}
		}
		return form(model, schema, id, row.orgUnitId(), values, Sheets.retired(schema, row.values()), null);
	}

	private String form(Model model, Schema schema, Long id, Long orgUnitId, Map<String, String> values, Map<String, String> retired, String refusal) {
		model.addAttribute("schema", schema);
		model.addAttribute("rowId", id);
		model.addAttribute("orgUnitId", orgUnitId);
		model.addAttribute("communities", communities());
		model.addAttribute("values", values);
		model.addAttribute("retired", retired);
		model.addAttribute("refusal", refusal);
		return FORM;
	}

	@PostMapping("/registers/{name}/rows")
	String create(@PathVariable String name, @RequestParam(required = false) Long orgUnitId, @RequestParam Map<String, String> params, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		Schema schema = registers.schema(name);
		Map<String, String> values = values(params);
		try {
			if (orgUnitId == null) {
				throw UserFacingException.badRequest("invalid_unit", "registers.unit.community");
			}
			registers.add(schema, orgUnitId, values);
			redirect.addFlashAttribute("flash", messages.of(request, "registers.saved"));
			return "redirect:" + UriComponentsBuilder.fromPath("/registers/" + name).queryParam("orgUnitId", orgUnitId).build().toUriString();
		} catch (UserFacingException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			response.setStatus(e.status().value());
			return form(model, schema, null, orgUnitId, values, Map.of(), messages.of(request, e));
		}
	}

	@PostMapping("/registers/{name}/rows/{id}")
	String change(@PathVariable String name, @PathVariable long id, @RequestParam Map<String, String> params, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Schema schema = registers.schema(name);
		Map<String, String> values = values(params);
		try {
			RegisterRows.Row row = registers.change(schema, id, values);
			redirect.addFlashAttribute("flash", messages.of(request, "registers.saved"));
			return "redirect:" + UriComponentsBuilder.fromPath("/registers/" + name).queryParam("orgUnitId", row.orgUnitId()).build().toUriString();
		} catch (UserFacingException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			response.setStatus(e.status().value());
			RegisterRows.Row row = registers.row(schema, id);
			return form(model, schema, id, row.orgUnitId(), values, Sheets.retired(schema, row.values()), messages.of(request, e));
		}
	}

	/** The form's fields are named {@code v_<key>}, so that no column key meets another request parameter. */
	private static Map<String, String> values(Map<String, String> params) {
		Map<String, String> values = new HashMap<>();
		params.forEach((k, v) -> {
			if (k.startsWith(FIELD)) {
				values.put(k.substring(FIELD.length()), v);
			}
		});
		return values;
	}

	@GetMapping("/registers/{name}/template.xlsx")
	ResponseEntity<byte[]> template(@PathVariable String name) throws IOException {
		Schema schema = registers.schema(name);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		sheets.writeTemplate(schema, out);
		return Downloads.of(schema.title() + "模板.xlsx", Downloads.XLSX, out.toByteArray());
	}

	@GetMapping("/registers/{name}/export.xlsx")
	void export(@PathVariable String name, @RequestParam long orgUnitId, HttpServletResponse response) throws IOException {
		sheets.export(registers.schema(name), orgUnitId).send(response);
	}

	@PostMapping("/registers/{name}/import")
	String upload(@PathVariable String name, @RequestParam long orgUnitId, @RequestParam(name = "file", required = false) MultipartFile file,
			HttpServletRequest request, RedirectAttributes redirect) throws IOException {
		Schema schema = registers.schema(name);
		String back = UriComponentsBuilder.fromPath("/registers/" + name).queryParam("orgUnitId", orgUnitId).build().toUriString();
		try {
			if (file == null || file.isEmpty()) {
				throw UserFacingException.badRequest("missing_part", "registers.import.no-file");
			}
			try (InputStream in = file.getInputStream()) {
				return "redirect:/registers/imports/" + registers.startImport(schema, orgUnitId, file.getOriginalFilename(), in,
						RequestContextUtils.getLocale(request));
			}
		} catch (UserFacingException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			redirect.addFlashAttribute("refusal", messages.of(request, e));
			return "redirect:" + back;
		}
	}

	@GetMapping("/registers/imports/{id}")
	String job(@PathVariable long id, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		ImportJob job = registers.job(id);
		model.addAttribute("job", job);
		model.addAttribute("schema", registers.schemaOf(job).orElseThrow());
		model.addAttribute("rejectedRows", job.finished() ? registers.rejectedRows(id, SHOWN_ROWS) : List.of());
		model.addAttribute("shownRows", SHOWN_ROWS);
		return htmx != null ? PROGRESS : JOB;
	}

	@GetMapping("/registers/imports/{id}/report.xlsx")
	ResponseEntity<byte[]> report(@PathVariable long id) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		sheets.writeReport(id, out);
		return Downloads.of("导入错误行-" + id + ".xlsx", Downloads.XLSX, out.toByteArray());
	}
}
