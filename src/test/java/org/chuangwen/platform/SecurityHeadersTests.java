package org.chuangwen.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chuangwen.Api;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers a browser enforces: a Content-Security-Policy on every answer, HSTS only when the request came over
 * HTTPS (here: from a proxy on this machine saying {@code X-Forwarded-Proto: https}), and a session cookie that is
 * {@code SameSite=Lax}, HttpOnly, and Secure behind HTTPS.
 */
@IntegrationTest
class SecurityHeadersTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

	@Test
	void everyPageAndApiAnswerCarriesTheContentSecurityPolicy() throws Exception {
		for (String path : List.of("/login", "/readiness", "/api/v1/me", "/css/app.css", "/no-such-page")) {
			HttpResponse<String> response = get(path);
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
					.contains("script-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")
					.doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'"));
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
			assertThat(response.headers().allValues("X-Content-Type-Options")).as(path).containsExactly("nosniff");
		}
	}

	@Test
	void hstsOnlyWhenTheRequestCameOverHttps() throws Exception {
		assertThat(get("/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(get("/api/v1/me").headers().firstValue("Strict-Transport-Security")).isEmpty();
		HttpResponse<String> secure = get("/login", "X-Forwarded-Proto", "https");
		assertThat(secure.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
		assertThat(get("/api/v1/me", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	@Test
	void theSessionCookieIsSameSiteLaxAndSecureBehindHttps() throws Exception {
		// the form over plain HTTP (a cookie marked Secure would not come back to http://localhost), the login over HTTPS:
		// logging in issues a new session id, and its cookie is the one that matters
		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = CSRF.matcher(form.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").header("X-Forwarded-Proto", "https")
				.POST(HttpRequest.BodyPublishers.ofString("username=shequ1&password=" + URLEncoder.encode(Api.PASSWORD, StandardCharsets.UTF_8)
						+ "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement().satisfies(c -> assertThat(c)
				.contains("SameSite=Lax", "HttpOnly", "Secure"));

		HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(plain.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
				.satisfies(c -> assertThat(c).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure"));
	}

	private HttpResponse<String> get(String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
