package org.chuangwen.bench;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A logged-in page session (form login with CSRF, JSESSIONID cookie). */
final class PageSession implements Client {

	final String base;
	final CookieManager cookies = new CookieManager();
	final HttpClient http;

	PageSession(String base, String user, String password) throws Exception {
		this.base = base;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
				.cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
		String token = csrf("/login");
		String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token);
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
				HttpResponse.BodyHandlers.ofString());
		String location = r.headers().firstValue("Location").orElse("");
		if (r.statusCode() != 302 || location.contains("error") || location.contains("locked")) {
			throw new IllegalStateException("login as " + user + " failed: " + r.statusCode() + " " + location);
		}
	}

	/** A browser without a login (the public check-in page). */
	PageSession(String base) {
		this.base = base;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
				.cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
	}

	byte[] getBytes(String path) throws Exception {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
		}
		return r.body();
	}

	/** A form POST as a browser sends it (application/x-www-form-urlencoded), with the CSRF token. */
	HttpResponse<String> postForm(String path, List<String[]> fields, String csrf) throws Exception {
		StringBuilder form = new StringBuilder("_csrf=" + enc(csrf));
		for (String[] f : fields) {
			form.append('&').append(enc(f[0])).append('=').append(enc(f[1]));
		}
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
				.timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	String csrf(String path) throws Exception {
		HttpResponse<String> r = get(path);
		Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(r.body());
		if (r.statusCode() != 200 || !m.find()) {
			throw new IllegalStateException("no CSRF token on " + path + " (" + r.statusCode() + ")");
		}
		return m.group(1);
	}

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	@Override
	public HttpResponse<String> post(String path, Multipart body, String csrf) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-CSRF-TOKEN", csrf)
				.header("Content-Type", body.contentType()).timeout(Duration.ofMinutes(10)).POST(body.publisher()).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	String cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
				.findFirst().orElseThrow();
	}

	static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
