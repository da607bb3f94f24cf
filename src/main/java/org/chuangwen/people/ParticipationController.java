package org.chuangwen.people;

import java.time.LocalDate;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Percent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Ⅲ-53 page: the figure for a community and period, its definition, and the rows behind it. */
@Controller
class ParticipationController {

	static final String PAGE = "people/participation";

	private final Residents residents;
	private final PublicGood publicGood;
	private final DataScope scope;
	private final Orgs orgs;
	private final PeopleProperties properties;

	ParticipationController(Residents residents, PublicGood publicGood, DataScope scope, Orgs orgs, PeopleProperties properties) {
		this.properties = properties;
		this.residents = residents;
		this.publicGood = publicGood;
		this.scope = scope;
		this.orgs = orgs;
	}

	@GetMapping("/residents/participation")
	String page(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "false") boolean rows, Model model) {
		var communities = orgs.communitiesWithin(scope.path());
		model.addAttribute("communities", communities);
		LocalDate end = to != null ? to : residents.today();
		LocalDate start = from != null ? from : end.withDayOfYear(1);
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("categories", publicGood.categories());
		Long unit = orgUnitId;
		if (unit == null) {
			var mine = orgs.find(scope.user().orgUnitId()).orElse(null);
			unit = mine != null && (mine.kind() == OrgKind.COMMUNITY || mine.kind() == OrgKind.GRID || mine.kind() == OrgKind.BUILDING)
					? mine.id()
					: communities.isEmpty() ? null : communities.get(0).id();
		}
		model.addAttribute("targetPercent", Percent.of(properties.participationTarget()));
		if (unit != null) {
			Participation figure = residents.participation(unit, start, end);
			model.addAttribute("figure", figure);
			model.addAttribute("ratePercent", Percent.toTenth(figure.rate()));
			model.addAttribute("showRows", rows);
			if (rows) {
				model.addAttribute("rows", publicGood.rows(unit, start, end));
			}
		}
		return PAGE;
	}
}
