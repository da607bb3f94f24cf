package org.chuangwen.tables;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Downloads;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.chuangwen.platform.Zones;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The tables page: a unit and period picked once, then each table downloaded or filed (归档) with one click. */
@Controller
class TablePages {

	static final String PAGE = "tables/tables";

	private final Tables tables;
	private final DataScope scope;
	private final Orgs orgs;
	private final UserMessages messages;
	private final Clock clock;

	TablePages(Tables tables, DataScope scope, Orgs orgs, UserMessages messages, Clock clock) {
		this.tables = tables;
		this.scope = scope;
		this.orgs = orgs;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/tables")
	String page(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
			Model model) {
		LocalDate today = LocalDate.now(clock.withZone(Zones.SHANGHAI));
		// tables are filled in by a community or above: grids and buildings would only lengthen the list
		model.addAttribute("units", orgs.within(scope.path()).stream().filter(u -> u.kind().ordinal() >= OrgKind.COMMUNITY.ordinal()).toList());
		model.addAttribute("orgUnitId", orgUnitId == null ? scope.user().orgUnitId() : orgUnitId);
		model.addAttribute("from", from == null ? today.withDayOfYear(1).toString() : from);
		model.addAttribute("to", to == null ? today.toString() : to);
		model.addAttribute("tables", tables.all());
		return PAGE;
	}

	@GetMapping("/tables/{name}.xlsx")
	ResponseEntity<byte[]> download(@PathVariable String name, @RequestParam long orgUnitId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Tables.Written written = tables.write(name, orgUnitId, Tables.Period.of(from, to));
		return Downloads.of(written.title() + ".xlsx", Downloads.XLSX, written.xlsx());
	}

	/** Files the table; a refusal (bad period, read-only role) comes back to the page with its message. */
	@PostMapping("/tables/{name}/file")
	String file(@PathVariable String name, @RequestParam long orgUnitId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletRequest request, RedirectAttributes redirect) {
		String back = UriComponentsBuilder.fromPath("/tables").queryParam("orgUnitId", orgUnitId).queryParam("from", from).queryParam("to", to)
				.build().toUriString();
		try {
			var filed = tables.file(name, orgUnitId, Tables.Period.of(from, to));
			redirect.addFlashAttribute("flash", messages.of(request, "tables.filed", filed.row().title()));
		} catch (UserFacingException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:" + back;
	}
}
