package org.chuangwen.moralbank;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
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

/**
 * The workers' pages: a unit's accounts with balances, its rewards and the applications waiting for someone else's
 * confirmation; an account's postings with the forms to apply, deduct, redeem and reverse. A refused form comes back
 * with the Chinese message (Post/Redirect/Get).
 */
@Controller
class MoralBankPages {

	private final MoralBank bank;
	private final Rewards rewards;
	private final Applications applications;
	private final DataScope scope;
	private final UserMessages messages;

	MoralBankPages(MoralBank bank, Rewards rewards, Applications applications, DataScope scope, UserMessages messages) {
		this.bank = bank;
		this.rewards = rewards;
		this.applications = applications;
		this.scope = scope;
		this.messages = messages;
	}

	@GetMapping("/moral-bank")
	String index(@RequestParam(required = false) Long orgUnitId, Model model) {
		long unit = orgUnitId == null ? scope.user().orgUnitId() : orgUnitId;
		model.addAttribute("orgUnitId", unit);
		model.addAttribute("accounts", bank.accounts(unit));
		model.addAttribute("rewards", rewards.list(unit));
		model.addAttribute("pending", applications.pending());
		return "moralbank/index";
	}

	@GetMapping("/moral-bank/accounts/{id}")
	String account(@PathVariable long id, Model model) {
		MoralBank.Statement statement = bank.statement(id);
		model.addAttribute("statement", statement);
		model.addAttribute("rewards", rewards.list(statement.account().orgUnitId()));
		return "moralbank/account";
	}

	@PostMapping("/moral-bank/accounts/{id}/postings")
	String post(@PathVariable long id, @RequestParam String kind, @RequestParam(required = false) Long points, @RequestParam(required = false) String memo,
			@RequestParam(required = false) Long rewardId, @RequestParam(required = false) Long reversesId, HttpServletRequest request,
			RedirectAttributes redirect) {
		String back = "/moral-bank/accounts/" + id;
		return attempt(request, redirect, back, () -> {
			bank.post(new MoralBank.Request(id, kind, points, memo, rewardId, reversesId));
			redirect.addFlashAttribute("flash", messages.of(request, "moralbank.page.posted"));
			return back;
		});
	}

	@PostMapping("/moral-bank/accounts/{id}/applications")
	String apply(@PathVariable long id, @RequestParam(required = false) Long points, @RequestParam(required = false) String deed,
			HttpServletRequest request, RedirectAttributes redirect) {
		String back = "/moral-bank/accounts/" + id;
		return attempt(request, redirect, back, () -> {
			applications.apply(id, points, deed);
			redirect.addFlashAttribute("flash", messages.of(request, "moralbank.page.applied"));
			return back;
		});
	}

	@PostMapping("/moral-bank/applications/{id}/confirmation")
	String confirm(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
		return attempt(request, redirect, "/moral-bank", () -> {
			applications.confirm(id);
			return "/moral-bank";
		});
	}

	@PostMapping("/moral-bank/applications/{id}/refusal")
	String refuse(@PathVariable long id, @RequestParam(required = false) String reason, HttpServletRequest request, RedirectAttributes redirect) {
		return attempt(request, redirect, "/moral-bank", () -> {
			applications.refuse(id, reason);
			return "/moral-bank";
		});
	}

	@PostMapping("/moral-bank/rewards")
	String addReward(@RequestParam long orgUnitId, @RequestParam(required = false) String name, @RequestParam(required = false) Long points,
			HttpServletRequest request, RedirectAttributes redirect) {
		String back = "/moral-bank?orgUnitId=" + orgUnitId;
		return attempt(request, redirect, back, () -> {
			rewards.add(orgUnitId, name, points);
			return back;
		});
	}

	/** Runs a form's work; a refusal goes back to {@code back} with its message instead of an error page. */
	private String attempt(HttpServletRequest request, RedirectAttributes redirect, String back, Supplier<String> work) {
		try {
			return "redirect:" + work.get();
		} catch (UserFacingException e) {
			if (e.status().value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("refusal", messages.of(request, e));
			return "redirect:" + back;
		}
	}
}
