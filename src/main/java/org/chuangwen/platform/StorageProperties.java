package org.chuangwen.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where files live on the embedded default: blobs under {@code root}, keyed by SHA-256. */
@ConfigurationProperties("chuangwen.storage")
public record StorageProperties(Path root) {

	public StorageProperties {
		if (root == null) {
			root = Path.of("data", "files");
		}
	}
}
