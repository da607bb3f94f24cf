package org.chuangwen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session for the pages: form login with the CSRF token, cookies kept, redirects not followed. */
public final class Session {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
	private final String base;

	public record Page(int status, String body, String location) {}

	private Session(int port) {
		this.base = "http://localhost:" + port;
	}

	public static Session anonymous(int port) {
		return new Session(port);
	}

	public static Session login(int port, String username, String password) {
		Session session = new Session(port);
		Page form = session.get("/login");
		Page result = session.post("/login", "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf(form.body())));
		if (result.status() != 302 || result.location() == null || result.location().contains("/login")) {
			throw new IllegalStateException("login of " + username + " failed: " + result.status() + " " + result.location());
		}
		return session;
	}

	/** The raw bytes of a download, failing unless it answers 200. */
	public byte[] bytes(String path) {
		try {
			HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			return response.body();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A GET with its headers and raw bytes, whatever the status. */
	public HttpResponse<byte[]> response(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	/** A GET as htmx sends it, asking for the page's fragment. */
	public Page htmx(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
	}

	/** Posts a form with the CSRF token taken from {@code tokenPage}. */
	public Page postForm(String path, String tokenPage, String form) {
		String token = csrf(get(tokenPage).body());
		return post(path, (form.isEmpty() ? "" : form + "&") + "_csrf=" + enc(token));
	}

	/** Posts a multipart form (with the CSRF token of {@code tokenPage}), as a browser sends a file input. */
	public Page postMultipart(String path, String tokenPage, java.util.List<Api.Part> parts) {
		java.util.List<Api.Part> all = new java.util.ArrayList<>(parts);
		all.add(new Api.Part("_csrf", null, "text/plain", csrf(get(tokenPage).body()).getBytes(StandardCharsets.UTF_8)));
		String boundary = "cw" + java.util.UUID.randomUUID();
		return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(Api.multipart(boundary, all))));
	}

	public Page post(String path, String form) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	static String csrf(String html) {
		Matcher m = CSRF.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on the page");
		}
		return m.group(1);
	}

	private Page send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Page(response.statusCode(), response.body(), response.headers().firstValue("Location").orElse(null));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
