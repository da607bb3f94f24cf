package org.chuangwen.evidence;

import java.io.InputStream;
import java.util.Set;
import org.chuangwen.platform.Downloads;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Sends a stored file with its type, name (UTF-8, for Chinese names) and a strong ETag: its SHA-256. Only photos in the
 * formats every browser shows (JPEG, PNG, GIF, WebP) may open in the page; everything else, PDFs included (they can
 * carry JavaScript), downloads as an attachment. The browser may not guess another type ({@code nosniff}) and a file
 * opened directly runs in a sandbox without scripts.
 */
final class FileResponses {

	private static final Set<String> INLINE = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

	private FileResponses() {}

	static ResponseEntity<InputStreamResource> send(EvidenceArchive archive, FileDownload file, boolean attachment) {
		InputStream in = archive.open(file);
		boolean inline = !attachment && INLINE.contains(file.contentType());
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.contentType()))
				.contentLength(file.size())
				.eTag("\"" + file.sha256() + "\"")
				.cacheControl(CacheControl.noCache().cachePrivate())
				.header(HttpHeaders.CONTENT_DISPOSITION, Downloads.disposition(file.name(), inline))
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "default-src 'none'; sandbox")
				.body(new InputStreamResource(in));
	}
}
