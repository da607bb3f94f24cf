package org.chuangwen.bench;


import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** multipart/form-data without copying the file bytes. */
final class Multipart {

	final String boundary = "----chuangwen-bench-" + Long.toHexString(System.nanoTime());
	final List<byte[]> chunks = new ArrayList<>();
	long length;

	private void add(byte[] b) {
		chunks.add(b);
		length += b.length;
	}

	private void head(String disposition, String contentType) {
		add(("--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\nContent-Type: " + contentType + "\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
	}

	void json(String name, String json) {
		head("name=\"" + name + "\"", "application/json; charset=UTF-8");
		add(json.getBytes(StandardCharsets.UTF_8));
		add("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	void field(String name, String value) {
		head("name=\"" + name + "\"", "text/plain; charset=UTF-8");
		add(value.getBytes(StandardCharsets.UTF_8));
		add("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	void file(String name, String fileName, String contentType, byte[] bytes) {
		head("name=\"" + name + "\"; filename=\"" + fileName + "\"", contentType);
		add(bytes);
		add("\r\n".getBytes(StandardCharsets.US_ASCII));
	}

	long length() {
		return length + ("--" + boundary + "--\r\n").length();
	}

	String contentType() {
		return "multipart/form-data; boundary=" + boundary;
	}

	HttpRequest.BodyPublisher publisher() {
		List<byte[]> all = new ArrayList<>(chunks);
		all.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
		long total = length();
		return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(all), total);
	}
}
