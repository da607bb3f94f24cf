package org.chuangwen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device on the network: real HTTP from its own loopback address (127.0.0.x), so that the server sees another
 * client address, with its own cookies (all sent on every request, paths ignored) like a phone's browser.
 */
public final class FromAddress {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	private final String address;
	private final int port;
	private final Map<String, String> cookies = new LinkedHashMap<>();
	private final Map<String, String> setCookieHeaders = new LinkedHashMap<>();

	public record Answer(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}
	}

	/** {@code address} is any 127.x.y.z; tests pick one no other test uses, so that their limits do not meet. */
	public FromAddress(String address, int port) {
		this.address = address;
		this.port = port;
	}

	/** The same address, but a fresh device (no cookies). */
	public FromAddress otherDevice() {
		return new FromAddress(address, port);
	}

	public String address() {
		return address;
	}

	/** The raw {@code Set-Cookie} header last received for a cookie. */
	public String setCookie(String name) {
		return setCookieHeaders.get(name);
	}

	public Answer get(String path) {
		return send("GET", path, Map.of(), null);
	}

	/** A GET with HTTP Basic credentials. */
	public Answer get(String path, String username, String password) {
		String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return send("GET", path, Map.of("Authorization", "Basic " + token), null);
	}

	public Answer post(String path, String form) {
		return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"), form);
	}

	/** Posts form fields with the CSRF token of the page at {@code tokenPath}. */
	public Answer postForm(String path, String tokenPath, Map<String, String> fields) {
		Matcher m = CSRF.matcher(get(tokenPath).body());
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token on " + tokenPath);
		}
		StringBuilder form = new StringBuilder("_csrf=").append(enc(m.group(1)));
		fields.forEach((k, v) -> form.append('&').append(enc(k)).append('=').append(enc(v)));
		return post(path, form.toString());
	}

	private Answer send(String method, String path, Map<String, String> headers, String body) {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.0\r\n");
		head.append("Host: localhost:").append(port).append("\r\n");
		headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
		if (!cookies.isEmpty()) {
			head.append("Cookie: ").append(String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
					.append("\r\n");
		}
		if (body != null) {
			head.append("Content-Length: ").append(content.length).append("\r\n");
		}
		head.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.flush();
			return parse(socket.getInputStream());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Answer parse(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		String text = all.toString(StandardCharsets.UTF_8);
		int split = text.indexOf("\r\n\r\n");
		List<String> lines = List.of(text.substring(0, split).split("\r\n"));
		int status = Integer.parseInt(lines.get(0).split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			int colon = line.indexOf(':');
			String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).strip();
			if (name.equals("set-cookie")) {
				String pair = value.split(";", 2)[0];
				String cookie = pair.substring(0, pair.indexOf('='));
				cookies.put(cookie, pair.substring(pair.indexOf('=') + 1));
				setCookieHeaders.put(cookie, value);
			}
			headers.merge(name, value, (a, b) -> a + ", " + b);
		}
		return new Answer(status, headers, text.substring(split + 4));
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
