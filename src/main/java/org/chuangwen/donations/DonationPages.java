package org.chuangwen.donations;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.UserMessages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The donations page: the unit's donations, newest first, and the form to record one (Post/Redirect/Get). */
@Controller
class DonationPages {

	static final String PAGE = "donations/donations";

	private final Donations donations;
	private final DataScope scope;
	private final UserMessages messages;

	DonationPages(Donations donations, DataScope scope, UserMessages messages) {
		this.donations = donations;
		this.scope = scope;
		this.messages = messages;
	}

	@GetMapping("/donations")
	String page(Model model) {
		model.addAttribute("donations", donations.list(null, null, null));
		model.addAttribute("kinds", Donation.DONOR_KINDS);
		model.addAttribute("campaigns", Donation.CAMPAIGNS);
		model.addAttribute("forms", java.util.List.of("MONEY", "GOODS"));
		return PAGE;
	}

	@PostMapping("/donations")
	String record(@RequestParam(required = false) String donorKind, @RequestParam(required = false) String donorName,
			@RequestParam(required = false) Long residentId, @RequestParam(required = false) String form, @RequestParam(required = false) String description,
			@RequestParam(required = false) BigDecimal quantity, @RequestParam(required = false) BigDecimal unitValue,
			@RequestParam(required = false) BigDecimal totalValue, @RequestParam(required = false) String campaign,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) String receiptNumber, @RequestParam(required = false) String destination, HttpServletRequest request,
			RedirectAttributes redirect) {
		try {
			Donation d = donations.record(new NewDonation(scope.user().orgUnitId(), donorKind, donorName, residentId, form, description, quantity, unitValue,
					totalValue, campaign, date, receiptNumber, destination));
			redirect.addFlashAttribute("flash", messages.of(request, "donations.recorded", d.receiptNumber()));
		} catch (UserFacingException e) {
			redirect.addFlashAttribute("refusal", messages.of(request, e));
		}
		return "redirect:/donations";
	}
}
