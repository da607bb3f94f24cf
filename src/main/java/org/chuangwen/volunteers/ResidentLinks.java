package org.chuangwen.volunteers;

import org.chuangwen.people.Residents;
import org.chuangwen.platform.UserFacingException;
import org.springframework.stereotype.Component;

/**
 * The one place where a volunteer's link to a resident is checked: the resident must exist and be readable by the
 * caller (people's {@link Residents} answers nothing for a resident outside the caller's scope), so a foreign id is
 * refused like an unknown one.
 */
@Component
class ResidentLinks {

	private final Residents residents;

	ResidentLinks(Residents residents) {
		this.residents = residents;
	}

	Long check(Long residentId) {
		if (residentId == null) {
			return null;
		}
		if (residentId <= 0 || residents.resident(residentId).isEmpty()) {
			throw UserFacingException.notFound("error.volunteer.resident");
		}
		return residentId;
	}
}
