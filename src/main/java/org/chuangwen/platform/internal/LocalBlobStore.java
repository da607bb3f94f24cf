package org.chuangwen.platform.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.chuangwen.platform.BlobStore;
import org.chuangwen.platform.StorageProperties;
import org.springframework.stereotype.Component;

/**
 * Blobs on the local disk: {@code root/ab/cd/abcd…}; partial writes live under {@code root/tmp}. A blob is forced to
 * disk before it is renamed into place, and the directory holding it after, so the rename survives a crash too.
 */
@Component
class LocalBlobStore implements BlobStore {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
	private static final int STRIPES = 64;

	private final Path root;
	private final Path tmp;
	/** Keys a put holds until its caller releases them: how many holds each. */
	private final Map<String, Integer> holds = new ConcurrentHashMap<>();
	private final Object[] locks = new Object[STRIPES];

	LocalBlobStore(StorageProperties properties) throws IOException {
		this.root = properties.root().toAbsolutePath();
		this.tmp = root.resolve("tmp");
		Files.createDirectories(tmp);
		for (int i = 0; i < STRIPES; i++) {
			locks[i] = new Object();
		}
	}

	@Override
	public StoredBlob put(InputStream content) throws IOException {
		Path partial = tmp.resolve(UUID.randomUUID() + ".part");
		try {
			MessageDigest digest = sha256();
			long size;
			try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				OutputStream out = new DigestOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024), digest);
				size = content.transferTo(out);
				out.flush();
				channel.force(true);
			}
			String key = HexFormat.of().formatHex(digest.digest());
			Path target = pathOf(key);
			synchronized (lockFor(key)) {
				boolean created = false;
				if (!Files.exists(target)) {
					createDirectories(target.getParent());
					try {
						Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
						created = true;
					} catch (FileAlreadyExistsException raced) {
						// stored by another process sharing the directory: the same bytes
					}
					forceDirectory(target.getParent());
				}
				holds.merge(key, 1, Integer::sum);
				return new StoredBlob(key, size, created);
			}
		} finally {
			Files.deleteIfExists(partial);
		}
	}

	@Override
	public void release(String sha256) {
		holds.computeIfPresent(sha256, (key, count) -> count == 1 ? null : count - 1);
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
	public boolean deleteUnlessReferenced(String sha256, Predicate<String> referenced) throws IOException {
		Path path = pathOf(sha256);
		synchronized (lockFor(sha256)) {
			if (holds.containsKey(sha256) || referenced.test(sha256)) {
				return false;
			}
			return Files.deleteIfExists(path);
		}
	}

	@Override
	public Stream<Listed> list() throws IOException {
		return Files.find(root, 3, (path, attributes) -> attributes.isRegularFile() && SHA256.matcher(path.getFileName().toString()).matches()
				&& path.getParent().getParent().getParent().equals(root))
				.map(path -> {
					try {
						return new Listed(path.getFileName().toString(), Files.getLastModifiedTime(path).toInstant());
					} catch (IOException gone) {
						return null;
					}
				})
				.filter(listed -> listed != null);
	}

	@Override
	public int removePartials() throws IOException {
		int removed = 0;
		try (Stream<Path> partials = Files.list(tmp)) {
			for (Path partial : partials.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
				if (Files.deleteIfExists(partial)) {
					removed++;
				}
			}
		}
		return removed;
	}

	private Object lockFor(String sha256) {
		return locks[Math.floorMod(sha256.hashCode(), STRIPES)];
	}

	/** Creates the two levels of directories, forcing each new entry into its parent. */
	private void createDirectories(Path directory) throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		Path parent = directory.getParent();
		if (!Files.isDirectory(parent)) {
			Files.createDirectories(parent);
			forceDirectory(root);
		}
		Files.createDirectories(directory);
		forceDirectory(parent);
	}

	/** Makes a rename or a new entry in the directory durable (fsync of the directory itself, as on Linux). */
	private static void forceDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException unsupported) {
			// some platforms (Windows) cannot open a directory; there the rename is as durable as the OS makes it
			if (!System.getProperty("os.name", "").startsWith("Windows")) {
				throw unsupported;
			}
		}
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
