package org.chuangwen.people;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/households")
class HouseholdApi {

	private final Households households;

	HouseholdApi(Households households) {
		this.households = households;
	}

	@GetMapping
	Households.Page list(@RequestParam long orgUnitId, @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return households.list(orgUnitId, q, page, size);
	}
}
