package org.chuangwen.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code manifest.sha256} in the format of {@code sha256sum} ({@code <hex>  <path>}, paths relative to the backup
 * folder with forward slashes), so {@code cd <dir> && sha256sum -c manifest.sha256} checks a backup without Java.
 * It is written last: a folder without it is not a finished backup.
 */
final class Manifest {

	static final String NAME = "manifest.sha256";

	private Manifest() {}

	static int write(Path dir) throws IOException {
		List<String> lines = new ArrayList<>();
		for (Path file : files(dir)) {
			String relative = relative(dir, file);
			if (!relative.equals(NAME)) {
				lines.add(sha256(file) + "  " + relative);
			}
		}
		Files.write(dir.resolve(NAME), lines, StandardCharsets.UTF_8);
		return lines.size();
	}

	/**
	 * Checks every listed file before anything is restored.
	 *
	 * @return the listed paths
	 * @throws BackupRefused naming the first file that is missing, changed or not listed
	 */
	static List<String> verify(Path dir) throws IOException {
		Path manifest = dir.resolve(NAME);
		if (!Files.isRegularFile(manifest)) {
			throw new BackupRefused("备份不完整:" + dir + " 中没有 " + NAME + " / not a finished backup: no " + NAME + " in " + dir);
		}
		List<String> listed = new ArrayList<>();
		for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
			if (line.isBlank()) {
				continue;
			}
			int gap = line.indexOf("  ");
			if (gap != 64) {
				throw new BackupRefused(NAME + " 格式错误:" + line + " / malformed line in " + NAME);
			}
			String expected = line.substring(0, gap);
			String relative = line.substring(gap + 2);
			Path file = dir.resolve(relative).normalize();
			if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
				throw new BackupRefused("备份缺少文件 " + relative + " / file missing from the backup: " + relative);
			}
			if (!sha256(file).equals(expected)) {
				throw new BackupRefused("备份已损坏:" + relative + " 的 SHA-256 与清单不符,未恢复任何内容 / backup corrupted: the SHA-256 of "
						+ relative + " does not match the manifest; nothing was restored");
			}
			listed.add(relative);
		}
		java.util.Set<String> known = new java.util.HashSet<>(listed);
		for (Path file : files(dir)) {
			String relative = relative(dir, file);
			if (!relative.equals(NAME) && !known.contains(relative)) {
				throw new BackupRefused("备份中有清单未列出的文件 " + relative + " / file not in the manifest: " + relative);
			}
		}
		return listed;
	}

	static List<Path> files(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
	}

	static String relative(Path dir, Path file) {
		return dir.relativize(file).toString().replace('\\', '/');
	}

	static String sha256(Path file) throws IOException {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(sha.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
