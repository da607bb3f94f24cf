package org.chuangwen.donations;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/donations")
class DonationApi {

	private final Donations donations;

	DonationApi(Donations donations) {
		this.donations = donations;
	}

	record DonationBody(Long orgUnitId, String donorKind, String donorName, Long residentId, String form, String description, BigDecimal quantity,
			BigDecimal unitValue, BigDecimal totalValue, String campaign, LocalDate date, String receiptNumber, String destination, String reason) {

		NewDonation command() {
			return new NewDonation(orgUnitId, donorKind, donorName, residentId, form, description, quantity, unitValue, totalValue, campaign, date,
					receiptNumber, destination);
		}
	}

	@PostMapping
	ResponseEntity<Donation> record(@RequestBody DonationBody body) {
		Donation donation = donations.record(body.command());
		return ResponseEntity.created(URI.create("/api/v1/donations/" + donation.id())).body(donation);
	}

	@GetMapping
	List<Donation> list(@RequestParam(required = false) Long orgUnitId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return donations.list(orgUnitId, from, to);
	}

	@GetMapping("/{id}")
	Donation one(@PathVariable long id) {
		return donations.readable(id);
	}

	@PutMapping("/{id}")
	Donation correct(@PathVariable long id, @RequestBody DonationBody body) {
		return donations.correct(id, body.command(), body.reason());
	}

	@GetMapping("/{id}/history")
	List<DonationChange> history(@PathVariable long id) {
		return donations.history(id);
	}
}
