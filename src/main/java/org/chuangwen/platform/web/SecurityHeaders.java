package org.chuangwen.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers every answer carries, set before anything else runs (so refusals by the security filters carry them too).
 * The Content-Security-Policy allows scripts only from our own origin: the pages have no inline script, no
 * {@code on…=} attribute and no {@code javascript:} URL (app.js binds everything), and htmx is used without
 * {@code hx-on} or {@code js:} expressions, so no {@code 'unsafe-eval'} either. Styles keep {@code 'unsafe-inline'}
 * deliberately: the templates size a few boxes with {@code style=}, the export progress bar sets its width, and
 * htmx adds its indicator style element; a style cannot run code, and all of that would otherwise need a nonce per
 * response. Images allow {@code data:} for Bootstrap's form-control icons. HSTS is left to Spring Security, which
 * sends it whenever the request was secure; behind a proxy {@code server.forward-headers-strategy=native} makes a
 * request with {@code X-Forwarded-Proto: https} from a trusted proxy secure.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeaders extends OncePerRequestFilter {

	static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy", POLICY);
		// the check-in links carry the activity's code: never hand them to another site
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("X-Content-Type-Options", "nosniff");
		chain.doFilter(request, response);
	}
}
