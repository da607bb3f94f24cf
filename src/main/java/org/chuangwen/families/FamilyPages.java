package org.chuangwen.families;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgKind;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 文明家庭 page of a community: the share with its definition and the awards it counts, the nominations with their
 * review and award forms, and revocation. Every form posts, then redirects back (Post/Redirect/Get).
 */
@Controller
class FamilyPages {

	static final String PAGE = "families/families";

	private final Families families;
	private final DataScope scope;
	private final Orgs orgs;
	private final UserMessages messages;

	FamilyPages(Families families, DataScope scope, Orgs orgs, UserMessages messages) {
		this.families = families;
		this.scope = scope;
		this.orgs = orgs;
		this.messages = messages;
	}

	@GetMapping("/families")
	String page(@RequestParam(required = false) Long orgUnitId, @RequestParam(defaultValue = "false") boolean counted, Model model) {
		List<OrgUnit> communities = orgs.communitiesWithin(scope.path());
		Long unit = orgUnitId;
		if (unit == null) {
			OrgUnit mine = orgs.find(scope.user().orgUnitId()).orElse(null);
			unit = mine != null && (mine.kind() == OrgKind.COMMUNITY || mine.kind() == OrgKind.GRID || mine.kind() == OrgKind.BUILDING) ? mine.id()
					: communities.isEmpty() ? null : communities.get(0).id();
		}
		model.addAttribute("communities", communities);
		model.addAttribute("unit", unit);
		model.addAttribute("counted", counted);
		if (unit != null) {
			Awards.Share share = families.share(unit);
			List<Awards.Award> awards = families.awards(unit);
			model.addAttribute("share", share);
			model.addAttribute("sharePercent", share.share().movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP));
			model.addAttribute("targetPercent", share.target().movePointRight(2).stripTrailingZeros().toPlainString());
			model.addAttribute("awards", counted ? awards.stream().filter(Awards.Award::counted).toList() : awards);
			model.addAttribute("nominations", families.nominations(unit));
			model.addAttribute("criteria", families.criteria());
			model.addAttribute("households", scope.canWrite() ? families.households(unit) : List.of());
		}
		model.addAttribute("levels", FamilyLevel.values());
		model.addAttribute("kinds", Nominations.KINDS);
		return PAGE;
	}

	@PostMapping("/families/nominations")
	String nominate(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) Long householdId,
			@RequestParam(required = false) String nominatorKind, @RequestParam(required = false) String nominatorName,
			@RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
		return attempt(orgUnitId, request, redirect, () -> {
			Nominations.Nomination n = families.nominate(householdId, nominatorKind, nominatorName, reason);
			return messages.of(request, "families.nominated", n.address());
		});
	}

	@PostMapping("/families/nominations/{id}/review")
	String review(@PathVariable long id, @RequestParam(required = false) Long orgUnitId, @RequestParam Map<String, String> form,
			HttpServletRequest request, RedirectAttributes redirect) {
		return attempt(orgUnitId, request, redirect, () -> {
			List<Nominations.ReviewAnswer> answers = new ArrayList<>();
			for (Nominations.Criterion c : families.criteria()) {
				answers.add(new Nominations.ReviewAnswer(c.id(), form.containsKey("met" + c.id()), form.get("note" + c.id())));
			}
			Nominations.Review review = families.review(id, answers, form.get("note"));
			return messages.of(request, review.passed() ? "families.reviewed.passed" : "families.reviewed.failed");
		});
	}

	@PostMapping("/families/awards")
	String award(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) Long householdId,
			@RequestParam(required = false) String level,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate awardedOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plaqueOn,
			@RequestParam(required = false) Long nominationId, HttpServletRequest request, RedirectAttributes redirect) {
		return attempt(orgUnitId, request, redirect, () -> {
			Awards.Award a = families.award(householdId, level, awardedOn, plaqueOn, nominationId);
			return messages.of(request, "families.awarded", a.address(), a.level().label());
		});
	}

	@PostMapping("/families/awards/{id}/revoke")
	String revoke(@PathVariable long id, @RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) String reason,
			HttpServletRequest request, RedirectAttributes redirect) {
		return attempt(orgUnitId, request, redirect, () -> {
			Awards.Award a = families.revoke(id, reason);
			return messages.of(request, "families.revoked", a.address());
		});
	}

	private String attempt(Long orgUnitId, HttpServletRequest request, RedirectAttributes redirect, java.util.function.Supplier<String> work) {
		try {
			redirect.addFlashAttribute("flash", work.get());
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return orgUnitId == null ? "redirect:/families" : "redirect:/families?orgUnitId=" + orgUnitId;
	}
}
