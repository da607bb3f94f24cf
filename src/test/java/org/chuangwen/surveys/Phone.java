package org.chuangwen.surveys;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A resident's phone on the network: a JSON POST without credentials from its own loopback address (127.x.y.z), so
 * that the server's per-address limits see a device of its own.
 */
final class Phone {

	record Answer(int status, String head, String body) {}

	private final String address;
	private final int port;

	Phone(String address, int port) {
		this.address = address;
		this.port = port;
	}

	Answer postJson(String path, String json) {
		byte[] content = json.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
				+ "\r\n\r\n";
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.flush();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			return new Answer(Integer.parseInt(text.substring(0, text.indexOf('\r')).split(" ")[1]), text.substring(0, split), text.substring(split + 4));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
