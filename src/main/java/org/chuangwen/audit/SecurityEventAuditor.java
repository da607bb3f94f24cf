package org.chuangwen.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logins and failed logins. Interactive (form) logins only: HTTP Basic authenticates every API call, which
 * would drown the trail; failures of both kinds are kept.
 */
@Component
class SecurityEventAuditor {

	private final AuditLog audit;

	SecurityEventAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(InteractiveAuthenticationSuccessEvent event) {
		audit.recordAs(event.getAuthentication().getName(), "LOGIN", "account", event.getAuthentication().getName(), null, null);
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent event) {
		String username = String.valueOf(event.getAuthentication().getName());
		audit.recordAs(username, "LOGIN_FAILED", "account", username, null, event.getException().getClass().getSimpleName());
	}
}
