package org.chuangwen.families;

import org.chuangwen.orgs.DataScope;
import org.chuangwen.people.HouseholdRef;
import org.chuangwen.people.Households;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.stereotype.Component;

/** The households this module writes about, through people's published API, and the checks every input shares. */
@Component
class FamilyHouseholds {

	private final Households households;
	private final DataScope scope;

	FamilyHouseholds(Households households, DataScope scope) {
		this.households = households;
		this.scope = scope;
	}

	/**
	 * A household the caller may write about.
	 *
	 * @throws UserFacingException 404 for an unknown household or one outside the scope (or with nobody living there), 403
	 *     for a read-only role
	 */
	HouseholdRef writable(Long id) {
		HouseholdRef household = id == null ? null : households.household(id).orElse(null);
		if (household == null) {
			throw UserFacingException.notFound("families.error.household");
		}
		scope.checkWrite(household.orgPath(), household.buildingId(), "household", id);
		return household;
	}

	/** The text stripped (null when blank); {@code requiredKey} names the message when it must be given. */
	static String text(String field, String value, int max, String requiredKey) {
		String text = Text.blankToNull(value);
		if (text == null) {
			if (requiredKey != null) {
				throw UserFacingException.badRequest("bad_parameter", requiredKey);
			}
			return null;
		}
		Text.check(field, text, false);
		if (text.length() > max) {
			throw UserFacingException.badRequest("bad_parameter", "families.error.too-long", field, max);
		}
		return text;
	}
}
