package org.chuangwen.archive.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Generated documents and finished ZIPs as downloads with UTF-8 (Chinese) file names. */
final class ArchiveDownloads {

	static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	interface Writer {
		void writeTo(ByteArrayOutputStream out) throws IOException;
	}

	private ArchiveDownloads() {}

	static ResponseEntity<byte[]> document(String fileName, MediaType type, Writer writer) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.writeTo(out);
		return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName)).body(out.toByteArray());
	}

	/** A finished export; Spring answers {@code Range} requests on a file resource, so an interrupted download resumes. */
	static ResponseEntity<Resource> zip(Path file, String fileName) {
		return ResponseEntity.ok()
				.contentType(ZIP)
				.header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
				.header(HttpHeaders.ACCEPT_RANGES, "bytes")
				.body(new FileSystemResource(file));
	}

	private static String attachment(String fileName) {
		return ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString();
	}
}
