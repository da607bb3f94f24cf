package org.chuangwen.evidence.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.FileDownload;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Sends a stored file with its type, name (UTF-8, for Chinese names) and a strong ETag: its SHA-256. */
final class FileResponses {

	private FileResponses() {}

	static ResponseEntity<InputStreamResource> send(EvidenceArchive archive, FileDownload file, boolean attachment) {
		InputStream in = archive.open(file);
		ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
				.filename(file.name(), StandardCharsets.UTF_8)
				.build();
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.contentType()))
				.contentLength(file.size())
				.eTag("\"" + file.sha256() + "\"")
				.cacheControl(CacheControl.noCache().cachePrivate())
				.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(new InputStreamResource(in));
	}
}
