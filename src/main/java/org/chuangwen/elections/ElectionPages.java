package org.chuangwen.elections;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The elections pages (phone-friendly): the list with the form to enter an election, and an election's page with its
 * figures and definitions, the electorate by building with tick boxes, the polling-list import, hand changes and the
 * materials filed into Ⅲ-17. Every POST redirects back (Post/Redirect/Get) with a flash message or the refusal.
 */
@Controller
class ElectionPages {

	static final String LIST = "elections/list";
	static final String PAGE = "elections/election";

	private final Elections elections;
	private final Voting voting;
	private final ElectionMaterials materials;
	private final DataScope scope;
	private final Orgs orgs;
	private final UserMessages messages;

	ElectionPages(Elections elections, Voting voting, ElectionMaterials materials, DataScope scope, Orgs orgs, UserMessages messages) {
		this.elections = elections;
		this.voting = voting;
		this.materials = materials;
		this.scope = scope;
		this.orgs = orgs;
		this.messages = messages;
	}

	@GetMapping("/elections")
	String list(@RequestParam(required = false) Long orgUnitId, Model model) {
		List<Election> found = elections.list(orgUnitId);
		Map<Long, OrgUnit> units = orgs.units(found.stream().map(Election::orgUnitId).toList());
		model.addAttribute("elections", found.stream().map(e -> new Row(e, units.get(e.orgUnitId()), elections.figures(e))).toList());
		model.addAttribute("communities", orgs.communitiesWithin(scope.path()));
		model.addAttribute("kinds", ElectionKind.values());
		model.addAttribute("definition", Elections.TURNOUT_DEFINITION);
		return LIST;
	}

	record Row(Election election, OrgUnit unit, Elections.Figures figures) {}

	@PostMapping("/elections")
	String create(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String date, @RequestParam(required = false) String kind,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			Election election = elections.create(orgUnitId, date, kind);
			redirect.addFlashAttribute("flash", messages.of(request, "elections.created", election.date().toString(), elections.figures(election).electorate()));
			return "redirect:/elections/" + election.id();
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
			return "redirect:/elections";
		}
	}

	@GetMapping("/elections/{id}")
	String page(@PathVariable long id, @RequestParam(required = false) Long buildingId, Model model) {
		Election election = elections.readable(id);
		List<Long> buildingIds = elections.buildings(id);
		Map<Long, OrgUnit> buildings = orgs.units(buildingIds);
		model.addAttribute("election", election);
		model.addAttribute("community", scope.readable(election.orgUnitId()));
		model.addAttribute("figures", elections.figures(election));
		model.addAttribute("buildings", buildingIds.stream().map(buildings::get).filter(java.util.Objects::nonNull).toList());
		model.addAttribute("buildingNames", buildings);
		model.addAttribute("buildingId", buildingId);
		model.addAttribute("voters", elections.voters(id, buildingId));
		model.addAttribute("changes", elections.changes(id));
		model.addAttribute("materials", materials.list(id));
		model.addAttribute("materialKinds", List.of("方案", "记录", "图片", "总结", "简报", "媒体报道"));
		model.addAttribute("definition", Elections.TURNOUT_DEFINITION);
		model.addAttribute("directDefinition", Elections.DIRECT_DEFINITION);
		return PAGE;
	}

	@PostMapping("/elections/{id}/ticks")
	String tick(@PathVariable long id, @RequestParam(required = false) List<Long> shown, @RequestParam(required = false) List<Long> voted,
			@RequestParam(required = false) Long buildingId, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			Voting.Result result = voting.tick(id, shown, voted);
			redirect.addFlashAttribute("flash", messages.of(request, "elections.ticked", result.voted()));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return back(id, buildingId);
	}

	@PostMapping("/elections/{id}/import")
	String importList(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw UserFacingException.badRequest("missing_part", "error.request.missing-part", "file");
			}
			try (InputStream in = file.getInputStream()) {
				Voting.Result result = voting.importList(id, in, RequestContextUtils.getLocale(request));
				redirect.addFlashAttribute("flash", messages.of(request, "elections.imported", result.matched(), result.added(), result.rejectedRows().size()));
				redirect.addFlashAttribute("rejectedRows", result.rejectedRows());
			}
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return back(id, null);
	}

	@PostMapping("/elections/{id}/electorate")
	String change(@PathVariable long id, @RequestParam(required = false) Long residentId, @RequestParam(required = false) String action,
			@RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			voting.change(id, residentId, action, reason);
			redirect.addFlashAttribute("flash", messages.of(request, "elections.changed"));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return back(id, null);
	}

	@PostMapping("/elections/{id}/materials")
	String file(@PathVariable long id, @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateFormed,
			@RequestParam(name = "file", required = false) List<MultipartFile> files, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			var filed = materials.file(id, kind, title, dateFormed, Upload.of(files));
			redirect.addFlashAttribute("flash", messages.of(request, "elections.material-filed", filed.row().title()));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return back(id, null);
	}

	private static String back(long id, Long buildingId) {
		return "redirect:/elections/" + id + (buildingId == null ? "" : "?buildingId=" + buildingId);
	}
}
