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
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * Pages: form login with CSRF. {@code /api/**}: HTTP Basic, stateless (a browser session never authorizes an
 * API call, so the API needs no CSRF token). Denied requests are audited.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final String[] PUBLIC = {
		"/login", "/c", "/c/**", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error", "/actuator/health", "/actuator/health/**"
	};

	@Bean
	PasswordEncoder passwordEncoder(Clock clock) {
		return new RememberingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Duration.ofMinutes(5), clock);
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiErrors errors) throws Exception {
		http.securityMatcher("/api/**")
				.authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/api/v1/org-units")
						.hasRole("ADMIN")
						.anyRequest()
						.authenticated())
				.httpBasic(b -> b.authenticationEntryPoint(errors::unauthorized))
				.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.csrf(c -> c.disable())
				.exceptionHandling(e -> e.authenticationEntryPoint(errors::unauthorized).accessDeniedHandler(errors::forbidden));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuditLog audit) throws Exception {
		// one answer for every failure: a wrong password, an unknown username, a throttled or locked login
		AuthenticationFailureHandler failures = new SimpleUrlAuthenticationFailureHandler("/login?error");
		AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
		AccessDeniedHandler audited = (request, response, denied) -> {
			audit.record("DENIED", "url", request.getMethod() + " " + request.getRequestURI(), null, denied.getMessage());
			page.handle(request, response, denied);
		};
		http.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC)
						.permitAll()
						.requestMatchers("/admin/**")
						.hasRole("ADMIN")
						.anyRequest()
						.authenticated())
				.formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failures).permitAll())
				.logout(l -> l.logoutSuccessUrl("/login?logout"))
				.exceptionHandling(e -> e.accessDeniedHandler(audited));
		return http.build();
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
