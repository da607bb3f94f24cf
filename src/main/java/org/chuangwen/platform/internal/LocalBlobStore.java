package org.chuangwen.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.chuangwen.platform.BlobStore;
import org.chuangwen.platform.StorageProperties;
import org.springframework.stereotype.Component;

/** Blobs on the local disk: {@code root/ab/cd/abcd…}; partial writes live under {@code root/tmp}. */
@Component
class LocalBlobStore implements BlobStore {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final Path root;
	private final Path tmp;

	LocalBlobStore(StorageProperties properties) throws IOException {
		this.root = properties.root().toAbsolutePath();
		this.tmp = root.resolve("tmp");
		Files.createDirectories(tmp);
	}

	@Override
	public StoredBlob put(InputStream content) throws IOException {
		Path partial = tmp.resolve(UUID.randomUUID() + ".part");
		try {
			MessageDigest digest = sha256();
			long size;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
				size = content.transferTo(out);
			}
			String key = HexFormat.of().formatHex(digest.digest());
			Path target = pathOf(key);
			if (Files.exists(target)) {
				return new StoredBlob(key, size, false);
			}
			Files.createDirectories(target.getParent());
			try {
				Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			} catch (FileAlreadyExistsException raced) {
				return new StoredBlob(key, size, false);
			}
			return new StoredBlob(key, size, true);
		} finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public InputStream open(String sha256) throws IOException {
		return Files.newInputStream(pathOf(sha256));
	}

	@Override
	public boolean exists(String sha256) {
		return Files.exists(pathOf(sha256));
	}

	@Override
	public void delete(String sha256) throws IOException {
		Files.deleteIfExists(pathOf(sha256));
	}

	private Path pathOf(String sha256) {
		if (!SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("not a SHA-256 key: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
