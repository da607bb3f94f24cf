package org.chuangwen.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Generated documents as downloads, with their Chinese file names sent as UTF-8 (RFC 6266). */
public final class Downloads {

	public static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Downloads() {}

	public static String attachment(String fileName) {
		return disposition(fileName, false);
	}

	/**
	 * The Content-Disposition of a download. The name is made printable first: a name built from a stored value with a
	 * lone surrogate cannot be encoded, and a control character has no place in a header.
	 */
	public static String disposition(String fileName, boolean inline) {
		String printable = Text.printable(fileName == null ? "" : fileName).replaceAll("\\p{Cntrl}", " ");
		return (inline ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(printable, StandardCharsets.UTF_8).build().toString();
	}

	public static ResponseEntity<byte[]> of(String fileName, MediaType type, byte[] body) {
		return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName)).body(body);
	}
}
