package org.chuangwen.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.chuangwen.platform.Downloads;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Generated documents and finished ZIPs as downloads with UTF-8 (Chinese) file names. */
final class ArchiveDownloads {

	static final MediaType ZIP = MediaType.parseMediaType("application/zip");

	interface Writer {
		void writeTo(ByteArrayOutputStream out) throws IOException;
	}

	private ArchiveDownloads() {}

	static ResponseEntity<byte[]> document(String fileName, MediaType type, Writer writer) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		writer.writeTo(out);
		return Downloads.of(fileName, type, out.toByteArray());
	}

	/** A finished export; Spring answers {@code Range} requests on a file resource, so an interrupted download resumes. */
	static ResponseEntity<Resource> zip(Path file, String fileName) {
		return ResponseEntity.ok()
				.contentType(ZIP)
				.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName))
				.header(HttpHeaders.ACCEPT_RANGES, "bytes")
				.body(new FileSystemResource(file));
	}
}
