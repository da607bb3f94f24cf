package org.chuangwen.orgs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.UserMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Pages: form login with CSRF; an account that must change its password is held at the change-password page (or
 * answers {@code 403 password_change_required} in the API). {@code /api/**}: HTTP Basic, stateless (a browser session never authorizes an
 * API call, so the API needs no CSRF token). Denied requests are audited.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final String[] PUBLIC = {
		"/login", "/c", "/c/**", "/v/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error", "/actuator/health", "/actuator/health/**"
	};

	/** Authenticated, and neither the security nor the audit administrator (who change nothing but their own duty). */
	private static final AuthorizationManager<RequestAuthorizationContext> NOT_SECURITY_OR_AUDIT = AuthorizationManagers.allOf(
			AuthenticatedAuthorizationManager.authenticated(),
			AuthorizationManagers.not(AuthorityAuthorizationManager.hasAnyRole("SECURITY", "AUDITOR")));

	@Bean
	PasswordEncoder passwordEncoder(Clock clock) {
		return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5), clock);
	}

	/**
	 * 三权分立 as URL rules (the facades check the same again): the audit log for the audit administrator, roles,
	 * password resets and unlocking for the security administrator, accounts and units for the system
	 * administrator; the security and audit administrators write nothing else.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiErrors errors) throws Exception {
		http.securityMatcher("/api/**")
				.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, PasswordChangeGate.API)
						.authenticated()
						// a resident's phone answers a survey without login; credentials, when sent, name the interviewer
						.requestMatchers(HttpMethod.POST, "/api/v1/surveys/*/responses")
						.permitAll()
						.requestMatchers("/api/v1/audit", "/api/v1/audit/**")
						.hasRole("AUDITOR")
						.requestMatchers(HttpMethod.POST, "/api/v1/accounts")
						.hasRole("ADMIN")
						.requestMatchers(HttpMethod.PUT, "/api/v1/accounts/*/roles")
						.hasRole("SECURITY")
						.requestMatchers(HttpMethod.POST, "/api/v1/accounts/*/unlock", "/api/v1/accounts/*/password-reset")
						.hasRole("SECURITY")
						.requestMatchers("/api/v1/accounts", "/api/v1/accounts/**")
						.hasAnyRole("ADMIN", "SECURITY")
						.requestMatchers(HttpMethod.POST, "/api/v1/org-units")
						.hasRole("ADMIN")
						.requestMatchers(SecurityConfig::writes)
						.access(NOT_SECURITY_OR_AUDIT)
						.anyRequest()
						.authenticated())
				.httpBasic(b -> b.authenticationEntryPoint(errors::unauthorized))
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(c -> c.disable())
				.addFilterBefore(new PasswordChangeGate(true, errors), AuthorizationFilter.class)
				.exceptionHandling(e -> e.authenticationEntryPoint(errors::unauthorized).accessDeniedHandler(errors::forbidden));
		return http.build();
	}

	private static boolean writes(HttpServletRequest request) {
		String method = request.getMethod();
		return !(HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method));
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuditLog audit, ApiErrors errors) throws Exception {
		// one answer for every failure: a wrong password, an unknown username, a throttled or locked login
		AuthenticationFailureHandler failures = new SimpleUrlAuthenticationFailureHandler("/login?error");
		AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
		AccessDeniedHandler audited = (request, response, denied) -> {
			audit.record("DENIED", "url", request.getMethod() + " " + request.getRequestURI(), null, denied.getMessage());
			page.handle(request, response, denied);
		};
		http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC)
						.permitAll()
						// a survey's public page, opened from its QR code on a resident's phone
						.requestMatchers("/s", "/s/**")
						.permitAll()
						.requestMatchers(PasswordChangeGate.PAGE)
						.authenticated()
						.requestMatchers("/admin/audit", "/admin/audit/**")
						.hasRole("AUDITOR")
						.requestMatchers("/admin/**")
						.hasRole("ADMIN")
						.requestMatchers("/security/**")
						.hasRole("SECURITY")
						.requestMatchers(SecurityConfig::writes)
						.access(NOT_SECURITY_OR_AUDIT)
						.anyRequest()
						.authenticated())
				.addFilterBefore(new PasswordChangeGate(false, errors), AuthorizationFilter.class)
				.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failures).permitAll())
				.logout(l -> l.logoutSuccessUrl("/login?logout"))
				.exceptionHandling(e -> e.accessDeniedHandler(audited).authenticationEntryPoint(toLogin()));
		return http.build();
	}

	/**
	 * Where a visitor without a session goes: the login page. An htmx request (a page left open until the session
	 * ended) is told to load it with {@code HX-Redirect}, instead of having the login page swapped into a fragment.
	 */
	private static AuthenticationEntryPoint toLogin() {
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
		return (request, response, denied) -> {
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.setHeader("HX-Redirect", request.getContextPath() + "/login");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			} else {
				login.commence(request, response, denied);
			}
		};
	}

	/** JSON answers for the API's 401 and 403, in the caller's language (Chinese by default). */
	@org.springframework.stereotype.Component
	static class ApiErrors {

		private final UserMessages messages;
		private final AuditLog audit;

		ApiErrors(UserMessages messages, AuditLog audit) {
			this.messages = messages;
			this.audit = audit;
		}

		void unauthorized(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
			response.setHeader("WWW-Authenticate", "Basic realm=\"chuangwen\"");
			// no credentials at all, or credentials refused; never which of the refusals (LoginThrottle)
			String key = e instanceof InsufficientAuthenticationException ? "error.login.required" : "error.login.failed";
			write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", key);
		}

		void passwordChangeRequired(HttpServletRequest request, HttpServletResponse response, PasswordState state) throws IOException {
			String key = state == PasswordState.EXPIRED ? "error.password.expired" : "error.password.change-required";
			write(request, response, HttpServletResponse.SC_FORBIDDEN, "password_change_required", key);
		}

		void forbidden(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
			audit.record("DENIED", "url", request.getMethod() + " " + request.getRequestURI(), null, e.getMessage());
			write(request, response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "error.scope.forbidden");
		}

		private void write(HttpServletRequest request, HttpServletResponse response, int status, String error, String key)
				throws IOException {
			String message = messages.of(request, key);
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write("{\"error\":\"" + error + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
		}
	}
}
