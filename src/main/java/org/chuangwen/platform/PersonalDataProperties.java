package org.chuangwen.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the master key of {@link PersonalData} comes from: {@code key} (Base64), else {@code keyFile}. */
@ConfigurationProperties("chuangwen.personal-data")
record PersonalDataProperties(String key, Path keyFile) {

	PersonalDataProperties {
		if (keyFile == null) {
			keyFile = Path.of("data", "keys", "personal-data.key");
		}
	}

	byte[] masterKey() {
		if (key != null && !key.isBlank()) {
			return checked(Base64.getDecoder().decode(key.strip()));
		}
		try {
			if (!Files.exists(keyFile)) {
				Files.createDirectories(keyFile.toAbsolutePath().getParent());
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh));
				if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
					Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
				}
			}
			return checked(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the personal data key " + keyFile, e);
		}
	}

	private static byte[] checked(byte[] key) {
		if (key.length != 32) {
			throw new IllegalStateException("chuangwen.personal-data.key must be 32 bytes, Base64-encoded");
		}
		return key;
	}
}
