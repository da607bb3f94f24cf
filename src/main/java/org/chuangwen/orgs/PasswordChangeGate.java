package org.chuangwen.orgs;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account whose password must be changed (new, reset, or older than the maximum age) may log in but do nothing
 * else until it changes it: pages redirect to the change-password page, API calls answer {@code 403
 * password_change_required}. Created by {@link SecurityConfig} for its two chains, not registered on its own.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

	static final String PAGE = "/me/password";
	static final String API = "/api/v1/me/password";

	private final boolean api;
	private final SecurityConfig.ApiErrors errors;

	PasswordChangeGate(boolean api, SecurityConfig.ApiErrors errors) {
		this.api = api;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.password().changeRequired() && !allowed(request)) {
			if (api) {
				errors.passwordChangeRequired(request, response, principal.password());
			} else {
				response.sendRedirect(request.getContextPath() + PAGE);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean allowed(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (api) {
			return path.equals(API) && HttpMethod.POST.matches(request.getMethod());
		}
		return path.equals(PAGE) || path.equals("/logout") || path.equals("/login") || path.equals("/error")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/") || path.startsWith("/favicon");
	}
}
