package org.chuangwen;

import java.util.Set;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Role;
import org.chuangwen.platform.UserFacingException;
import tools.jackson.databind.JsonNode;

/**
 * A district office account (区文明办, role STREET at 示范区) for tests that file material into units they create
 * outside the demo street: the administrators write no business data (三权分立). Created once per context, with the
 * demo password and not forced to change it.
 */
public final class DistrictOffice {

	public static final String USERNAME = "quwenming";

	private DistrictOffice() {}

	/** The account's username, after creating it if this context has not got it yet. */
	public static synchronized String ensure(Accounts accounts, Api api) {
		long district = 0;
		for (JsonNode unit : api.get("admin", "/api/v1/org-units").json()) {
			if (unit.get("kind").asString().equals("DISTRICT")) {
				district = unit.get("id").asLong();
			}
		}
		try {
			accounts.create(USERNAME, Api.PASSWORD, "示范区文明办", district, Set.of(Role.STREET));
		} catch (UserFacingException e) {
			if (!e.error().equals("duplicate_username")) {
				throw e;
			}
		}
		return USERNAME;
	}
}
