package org.chuangwen.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The JSON API with HTTP Basic (stateless: the server re-checks the password on every call). */
final class ApiClient implements Client {

	final String base;
	final String auth;
	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

	ApiClient(String base, String user, String password) {
		this.base = base;
		this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).timeout(Duration.ofSeconds(120)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	Object getJson(String path) throws Exception {
		HttpResponse<String> r = get(path);
		expect(r, 200);
		return Json.parse(r.body());
	}

	byte[] getBytes(String path) throws Exception {
		HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).timeout(Duration.ofSeconds(120)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + r.statusCode());
		}
		return r.body();
	}

	HttpResponse<String> postJson(String path, String json) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth).header("Content-Type", "application/json")
				.timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	HttpResponse<String> post(String path, Multipart body) throws Exception {
		return post(path, body, null);
	}

	@Override
	public HttpResponse<String> post(String path, Multipart body, String csrf) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
				.header("Content-Type", body.contentType()).timeout(Duration.ofMinutes(10)).POST(body.publisher()).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	long create(long parent, String kind, String name) throws Exception {
		String json = "{\"parentId\":" + parent + ",\"kind\":\"" + kind + "\",\"name\":" + Json.quote(name) + "}";
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/org-units")).header("Authorization", auth)
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		expect(r, 201);
		return ((Number) ((Map<?, ?>) Json.parse(r.body())).get("id")).longValue();
	}

	/**
	 * A street office account at {@code unit}, opened by this system administrator and past the password change
	 * every new account must make first → {username, password}.
	 */
	String[] writerAt(long unit, String username) throws Exception {
		String initial = "Bench#" + Long.toHexString(System.nanoTime()) + "a";
		String chosen = "Bench#" + Long.toHexString(System.nanoTime()) + "b";
		expect(postJson("/api/v1/accounts", "{\"username\":" + Json.quote(username) + ",\"displayName\":\"压测文明办\",\"orgUnitId\":" + unit
				+ ",\"roles\":[\"STREET\"],\"password\":" + Json.quote(initial) + "}"), 201);
		ApiClient first = new ApiClient(base, username, initial);
		first.expect(first.postJson("/api/v1/me/password", "{\"oldPassword\":" + Json.quote(initial) + ",\"newPassword\":" + Json.quote(chosen) + "}"), 204);
		return new String[] {username, chosen};
	}

	void expect(HttpResponse<String> r, int status) {
		if (r.statusCode() != status) {
			throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": "
					+ r.body().substring(0, Math.min(500, r.body().length())));
		}
	}

	static long unitNamed(ApiClient api, String name, String kind) throws Exception {
		for (Object o : (List<?>) api.getJson("/api/v1/org-units")) {
			Map<?, ?> u = (Map<?, ?>) o;
			if (name.equals(u.get("name")) && kind.equals(u.get("kind"))) {
				return ((Number) u.get("id")).longValue();
			}
		}
		throw new IllegalStateException("no " + kind + " named " + name);
	}
}
