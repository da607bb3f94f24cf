package org.chuangwen.orgs;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the caller and their unit into every page's model for the layout (menu, name, scope). */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	private final DataScope scope;
	private final Orgs orgs;

	CurrentUserAdvice(DataScope scope, Orgs orgs) {
		this.scope = scope;
		this.orgs = orgs;
	}

	@ModelAttribute("me")
	CurrentUser me() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return scope.user();
	}

	@ModelAttribute("myUnit")
	OrgUnit myUnit() {
		CurrentUser me = me();
		return me == null ? null : orgs.find(me.orgUnitId()).orElse(null);
	}
}
