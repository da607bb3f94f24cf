package org.chuangwen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the JSON API, authenticating with HTTP Basic like any API consumer. */
public final class Api {

	public static final String PASSWORD = "chuangwen@2026";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();
	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public record Part(String name, String fileName, String contentType, byte[] content) {

		public static Part file(String fileName, byte[] content) {
			return new Part("file", fileName, "application/octet-stream", content);
		}

		public static Part json(String name, String json) {
			return new Part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
		}
	}

	public record Response(int status, byte[] body, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

		public long id() {
			return json().get("id").asLong();
		}
	}

	/** The demo street office 幸福街道 (jiedao's), under which tests create communities of their own. */
	public long demoStreet() {
		for (JsonNode unit : get("admin", "/api/v1/org-units").json()) {
			if (unit.get("name").asString().equals("幸福街道")) {
				return unit.get("id").asLong();
			}
		}
		throw new IllegalStateException("no demo street 幸福街道");
	}

	/** A new community under {@link #demoStreet()}, created by the system administrator. */
	public long newCommunity(String name) {
		return postJson("admin", "/api/v1/org-units", "{\"parentId\":" + demoStreet() + ",\"kind\":\"COMMUNITY\",\"name\":\"" + name + "\"}").id();
	}

	public Response get(String user, String path) {
		return send(user, HttpRequest.newBuilder(uri(path)).GET());
	}

	public Response delete(String user, String path) {
		return send(user, HttpRequest.newBuilder(uri(path)).DELETE());
	}

	public Response postJson(String user, String path, String json) {
		return send(user, HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response putJson(String user, String path, String json) {
		return send(user, HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response postMultipart(String user, String path, List<Part> parts) {
		String boundary = "cw" + UUID.randomUUID();
		return send(user, HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, parts))));
	}

	/** Files a material: {@code meta} as JSON and the files as parts named {@code file}. */
	public Response file(String user, String metaJson, Part... files) {
		List<Part> parts = new java.util.ArrayList<>();
		parts.add(Part.json("meta", metaJson));
		parts.addAll(List.of(files));
		return postMultipart(user, "/api/v1/materials", parts);
	}

	public static byte[] multipart(String boundary, List<Part> parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Part part : parts) {
			StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n");
			head.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
			if (part.fileName() != null) {
				head.append("; filename=\"").append(part.fileName()).append('"');
			}
			head.append("\r\nContent-Type: ").append(part.contentType()).append("\r\n\r\n");
			out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			out.writeBytes(part.content());
			out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return out.toByteArray();
	}

	private URI uri(String path) {
		return URI.create(base + path);
	}

	private Response send(String user, HttpRequest.Builder request) {
		if (user != null) {
			String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : PASSWORD;
			String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
			String token = Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + token);
		}
		try {
			HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.body(), response.headers());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
