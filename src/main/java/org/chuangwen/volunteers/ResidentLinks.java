package org.chuangwen.volunteers;

import org.chuangwen.platform.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * The one place where a volunteer's link to a resident is checked. The id is validated against people's Residents by
 * the integrator once that module has landed; until then any positive id is kept as given.
 */
@Component
class ResidentLinks {

	Long check(Long residentId) {
		if (residentId != null && residentId <= 0) {
			throw UserFacingException.badRequest("bad_parameter", "error.request.bad-parameter", "residentId");
		}
		return residentId;
	}
}
