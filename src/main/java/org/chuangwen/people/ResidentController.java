package org.chuangwen.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 居民 pages: the list with search and paging, one resident with their history, and the form. */
@Controller
class ResidentController {

	static final String LIST = "people/residents";
	static final String LIST_ROWS = "people/residents :: list";
	static final String RESIDENT = "people/resident";
	static final String SECRETS = "people/resident :: secrets";
	static final String FORM = "people/form";

	private final Residents residents;
	private final RosterWorkbooks workbooks;
	private final DataScope scope;
	private final Orgs orgs;
	private final UserMessages messages;

	ResidentController(Residents residents, RosterWorkbooks workbooks, DataScope scope, Orgs orgs, UserMessages messages) {
		this.residents = residents;
		this.workbooks = workbooks;
		this.scope = scope;
		this.orgs = orgs;
		this.messages = messages;
	}

	@GetMapping("/residents")
	String list(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
		long unit = orgUnitId != null ? orgUnitId : scope.user().orgUnitId();
		model.addAttribute("unit", scope.readable(unit));
		model.addAttribute("units", units());
		model.addAttribute("q", q);
		model.addAttribute("found", residents.list(unit, q, page, null));
		model.addAttribute("today", residents.today());
		return htmx != null ? LIST_ROWS : LIST;
	}

	@GetMapping("/residents/export.xlsx")
	ResponseEntity<byte[]> export(@RequestParam long orgUnitId) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		workbooks.writeList(orgUnitId, out);
		return Downloads.of(scope.readable(orgUnitId).name() + "-居民名单.xlsx", Downloads.XLSX, out.toByteArray());
	}

	@GetMapping("/residents/{id}")
	String resident(@PathVariable long id, Model model) {
		ResidentView r = residents.find(id);
		model.addAttribute("resident", r);
		model.addAttribute("building", orgs.find(r.buildingId()).map(OrgUnit::name).orElse(""));
		model.addAttribute("history", residents.history(id));
		model.addAttribute("today", residents.today());
		return RESIDENT;
	}

	/** The numbers in clear, in place of the masked ones: a POST, audited, for business roles only. */
	@PostMapping("/residents/{id}/reveal")
	String reveal(@PathVariable long id, Model model) {
		model.addAttribute("resident", residents.find(id));
		model.addAttribute("secrets", residents.reveal(id));
		return SECRETS;
	}

	@GetMapping("/residents/new")
	String create(@RequestParam(required = false) Long orgUnitId, Model model) {
		long unit = orgUnitId != null ? orgUnitId : scope.user().orgUnitId();
		scope.writable(unit);
		model.addAttribute("form", new ResidentForm(null, "", "", "", "", "", "", "", "", List.of()));
		return form(model, null, unit);
	}

	@GetMapping("/residents/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		ResidentView r = residents.find(id);
		scope.writable(r.buildingId());
		model.addAttribute("form", ResidentForm.of(r));
		model.addAttribute("resident", r);
		return form(model, id, r.buildingId());
	}

	@PostMapping("/residents")
	String add(@ModelAttribute ResidentForm form, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		return save(null, form, model, request, response, redirect);
	}

	@PostMapping("/residents/{id}")
	String change(@PathVariable long id, @ModelAttribute ResidentForm form, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		return save(id, form, model, request, response, redirect);
	}

	private String save(Long id, ResidentForm form, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		long saved;
		try {
			saved = residents.save(id, form);
		} catch (UserFacingException e) {
			if (e.status().value() == 404 || e.status().value() == 403) {
				throw e;
			}
			response.setStatus(e.status().value());
			model.addAttribute("form", form);
			model.addAttribute("error", messages.of(request, e));
			if (id != null) {
				model.addAttribute("resident", residents.find(id));
			}
			return form(model, id, form.buildingId() != null ? form.buildingId() : scope.user().orgUnitId());
		}
		redirect.addFlashAttribute("flash", messages.of(request, "people.saved"));
		return "redirect:/residents/" + saved;
	}

	private String form(Model model, Long id, long unitId) {
		OrgUnit unit = scope.readable(unitId);
		OrgUnit root = unit.kind() == OrgKind.BUILDING ? orgs.communityOf(unit).orElse(unit) : unit;
		model.addAttribute("id", id);
		model.addAttribute("buildings", orgs.within(root.path()).stream().filter(u -> u.kind() == OrgKind.BUILDING).toList());
		model.addAttribute("careGroups", residents.careGroups());
		return FORM;
	}

	/** The units whose residents the caller may list: communities, grids and buildings in scope. */
	private List<OrgUnit> units() {
		return orgs.within(scope.path()).stream().filter(u -> u.kind() == OrgKind.COMMUNITY || u.kind() == OrgKind.GRID || u.kind() == OrgKind.BUILDING)
				.toList();
	}
}
