package org.chuangwen.registers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The system administrator's page: define a register, or change one (which adds a schema version). */
@Controller
class RegisterAdminPages {

	static final String PAGE = "registers/admin";

	private final Registers registers;
	private final DataScope scope;
	private final UserMessages messages;

	RegisterAdminPages(Registers registers, DataScope scope, UserMessages messages) {
		this.registers = registers;
		this.scope = scope;
		this.messages = messages;
	}

	/** What the form shows: empty for a new register, the current schema for a change, or what was typed when refused. */
	record Form(String name, String title, List<Column> columns, String keyColumns) {}

	@GetMapping("/admin/registers")
	String page(Model model) {
		return page(model, null, new Form("", "", List.of(), ""), null);
	}

	@GetMapping("/admin/registers/{name}")
	String edit(@PathVariable String name, Model model) {
		Schema s = registers.schema(name);
		return page(model, s, new Form(s.name(), s.title(), s.columns(), String.join(",", s.keyColumns())), null);
	}

	private String page(Model model, Schema editing, Form form, String refusal) {
		scope.requireAdmin("register_schema", editing == null ? null : editing.name());
		model.addAttribute("registers", registers.all());
		model.addAttribute("editing", editing);
		model.addAttribute("form", form);
		model.addAttribute("rows", ColumnRows.shown(form.columns()));
		model.addAttribute("types", Column.TYPES);
		model.addAttribute("refusal", refusal);
		return PAGE;
	}

	@PostMapping("/admin/registers")
	String define(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String title,
			ColumnRows columns, @RequestParam(defaultValue = "") String keyColumns, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Form form = new Form(name, title, columns.columns(), keyColumns);
		try {
			Schema s = registers.define(new SchemaBook.Definition(name, title, columns.columns(), ColumnRows.keys(keyColumns)));
			redirect.addFlashAttribute("flash", messages.of(request, "registers.defined", s.title()));
			return "redirect:/admin/registers";
		} catch (UserFacingException e) {
			if (e.status().value() == 403) {
				throw e;
			}
			response.setStatus(e.status().value());
			return page(model, null, form, messages.of(request, e));
		}
	}

	@PostMapping("/admin/registers/{name}")
	String change(@PathVariable String name, @RequestParam(defaultValue = "") String title, ColumnRows columns,
			@RequestParam(defaultValue = "") String keyColumns, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		Schema current = registers.schema(name);
		Form form = new Form(name, title, columns.columns(), keyColumns);
		try {
			Schema s = registers.change(name, new SchemaBook.Definition(name, title, columns.columns(), ColumnRows.keys(keyColumns)));
			redirect.addFlashAttribute("flash", messages.of(request, "registers.changed", s.title(), s.version()));
			return "redirect:/admin/registers";
		} catch (UserFacingException e) {
			if (e.status().value() == 403 || e.status().value() == 404) {
				throw e;
			}
			response.setStatus(e.status().value());
			return page(model, current, form, messages.of(request, e));
		}
	}
}
