package org.chuangwen.courtyards;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chuangwen.courtyards.Checklist.Item;
import org.chuangwen.courtyards.Marks.Mark;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.people.Residents;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.chuangwen.platform.Zones;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 文明楼院 pages: a community's buildings × standards at a glance, and a building's page made for a phone (tick the
 * items, note, take photos, save; keepers; awards). Every POST redirects back with a flash message (Post/Redirect/Get).
 */
@Controller
class CourtyardPages {

	static final String OVERVIEW = "courtyards/overview";
	static final String BUILDING = "courtyards/building";

	private final Overview overview;
	private final BuildingInspections inspections;
	private final Keepers keepers;
	private final CourtyardAwards awards;
	private final Proposals proposals;
	private final Buildings buildings;
	private final Checklist checklist;
	private final Residents residents;
	private final UserMessages messages;
	private final Clock clock;

	CourtyardPages(Overview overview, BuildingInspections inspections, Keepers keepers, CourtyardAwards awards, Proposals proposals, Buildings buildings,
			Checklist checklist, Residents residents, UserMessages messages, Clock clock) {
		this.overview = overview;
		this.inspections = inspections;
		this.keepers = keepers;
		this.awards = awards;
		this.proposals = proposals;
		this.buildings = buildings;
		this.checklist = checklist;
		this.residents = residents;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/courtyards")
	String overview(@RequestParam(required = false) Long unit, @RequestParam(required = false) Integer year, Model model) {
		List<OrgUnit> communities = buildings.communities();
		Long shown = unit != null ? unit : communities.size() == 1 ? communities.get(0).id() : null;
		model.addAttribute("communities", communities);
		model.addAttribute("matrix", overview.of(shown, year));
		return OVERVIEW;
	}

	@GetMapping("/courtyards/buildings/{id}")
	String building(@PathVariable long id, Model model) {
		OrgUnit building = buildings.readable(id);
		model.addAttribute("building", building);
		model.addAttribute("community", buildings.community(building));
		model.addAttribute("standards", proposals.standards(id));
		model.addAttribute("inspections", inspections.history(id));
		model.addAttribute("keepers", keepers.current(id));
		model.addAttribute("keeperHistory", keepers.history(id));
		model.addAttribute("roles", Keepers.ROLES);
		model.addAttribute("residents", residents.residentsAt(id));
		model.addAttribute("awards", awards.history(id));
		model.addAttribute("thisYear", LocalDate.now(clock.withZone(Zones.SHANGHAI)).getYear());
		return BUILDING;
	}

	/** The form sends the ticked item codes as {@code met} and each item's note as {@code note-<code>}. */
	@PostMapping("/courtyards/buildings/{id}/inspections")
	String inspect(@PathVariable long id, @RequestParam(name = "met", required = false) List<String> met, @RequestParam Map<String, String> fields,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, HttpServletRequest request, RedirectAttributes redirect) {
		List<Mark> marks = new ArrayList<>();
		for (var standard : checklist.standards()) {
			for (Item item : standard.items()) {
				marks.add(new Mark(item.code(), met != null && met.contains(item.code()), fields.get("note-" + item.code())));
			}
		}
		try {
			Inspection done = inspections.inspect(id, marks, null, Upload.of(photos));
			redirect.addFlashAttribute("flash", messages.of(request, "courtyards.inspected", done.score().toPlainString(), done.photoMaterialIds().size()));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/courtyards/buildings/" + id;
	}

	@PostMapping("/courtyards/buildings/{id}/keepers")
	String assign(@PathVariable long id, @RequestParam(required = false) String role, @RequestParam(required = false) Long residentId,
			HttpServletRequest request, RedirectAttributes redirect) {
		try {
			Keepers.Keeper keeper = keepers.assign(id, role, residentId, null);
			redirect.addFlashAttribute("flash", messages.of(request, "courtyards.keeper-assigned", messages.of(request, "courtyards.role." + keeper.role()),
					keeper.residentName() == null ? "—" : keeper.residentName()));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/courtyards/buildings/" + id;
	}

	@PostMapping("/courtyards/buildings/{id}/awards")
	String award(@PathVariable long id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate awardedOn, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			CourtyardAwards.Award award = awards.award(id, year, awardedOn);
			redirect.addFlashAttribute("flash", messages.of(request, "courtyards.awarded", String.valueOf(award.year())));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/courtyards/buildings/" + id;
	}

	@PostMapping("/courtyards/buildings/{id}/awards/{awardId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long awardId, @RequestParam(required = false) String reason, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			CourtyardAwards.Award award = awards.revoke(id, awardId, reason, null);
			redirect.addFlashAttribute("flash", messages.of(request, "courtyards.revoked", String.valueOf(award.year())));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/courtyards/buildings/" + id;
	}
}
