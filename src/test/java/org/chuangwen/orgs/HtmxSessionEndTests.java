package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.chuangwen.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A page left open until the session ended: its next htmx request must send the browser to the login page, not swap
 * the login page into the fragment's place; a plain request is redirected as always.
 */
@IntegrationTest
class HtmxSessionEndTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void anHtmxRequestWithoutASessionIsToldToLoadTheLoginPage() throws Exception {
		HttpResponse<String> htmx = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/boxes/1/%E2%85%A2-116"))
				.header("HX-Request", "true").header("Accept", "text/html, */*").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(htmx.statusCode()).isEqualTo(401);
		assertThat(htmx.headers().firstValue("HX-Redirect")).hasValue("/login");

		HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/boxes/1/%E2%85%A2-116"))
				.header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/login");
	}
}
