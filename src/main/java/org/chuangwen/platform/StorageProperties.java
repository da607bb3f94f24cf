package org.chuangwen.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where files live on the embedded default: blobs under {@code root}, keyed by SHA-256. At start, blobs that no
 * row references are removed once they are older than {@code orphanGrace}; the grace protects an upload that
 * another instance sharing the store is making at that moment (zero is safe where one process owns the store,
 * as with the embedded H2 file, which only one process can open).
 */
@ConfigurationProperties("chuangwen.storage")
public record StorageProperties(Path root, Duration orphanGrace) {

	public StorageProperties {
		if (root == null) {
			root = Path.of("data", "files");
		}
		if (orphanGrace == null) {
			orphanGrace = Duration.ofMinutes(15);
		}
	}
}
