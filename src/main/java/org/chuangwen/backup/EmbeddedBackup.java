package org.chuangwen.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Backup and restore of the embedded layout. The database is written with H2's {@code SCRIPT} (SQL text, gzip)
 * rather than by copying its file: the script is read back by any later H2 version (the file format changes
 * between versions, a copy would tie the backup to this one), and {@code RUNSCRIPT} into an empty database gives
 * back the same rows, identity counters and Flyway history. Opening the database takes H2's file lock, which is
 * both the check that the application is stopped and the guarantee that nothing changes while the files are
 * copied: the lock is held until the last file is in the backup.
 */
final class EmbeddedBackup {

	static final String DATABASE = "database.sql.gz";
	static final String FILES = "files";
	static final String KEY = "keys/personal-data.key";

	/** H2's "Database may be already in use" and "Database not found, and IFEXISTS=true". */
	private static final int IN_USE = 90020;
	private static final int NOT_FOUND = 90146;

	private final DataLayout layout;
	private final PrintStream out;

	EmbeddedBackup(DataLayout layout, PrintStream out) {
		this.layout = layout;
		this.out = out;
	}

	void backup(Path dir) throws IOException, SQLException {
		if (Files.exists(dir) && !empty(dir)) {
			throw new BackupRefused("备份目录 " + dir + " 不为空,请指定新的或空的目录 / backup folder " + dir + " is not empty");
		}
		try (Connection db = open(true).orElseThrow(() -> new BackupRefused(
				"数据库不存在:" + layout.url() + " / no database at " + layout.url()))) {
			Files.createDirectories(dir);
			try (Statement s = db.createStatement()) {
				s.execute("SCRIPT TO '" + sql(dir.resolve(DATABASE)) + "' COMPRESSION GZIP CHARSET 'UTF-8'");
			}
			int files = copyTree(layout.files(), dir.resolve(FILES));
			out.println("数据库 / database: " + DATABASE);
			out.println("文件 / files: " + files + " (" + layout.files() + ")");
			if (Files.isRegularFile(layout.keyFile())) {
				copy(layout.keyFile(), dir.resolve(KEY));
				out.println("个人信息密钥 / personal-data key: " + KEY);
			} else if (layout.keyInConfiguration()) {
				out.println("个人信息密钥来自配置 chuangwen.personal-data.key,不在备份中,请另行保管 / the personal-data key comes from configuration"
						+ " (chuangwen.personal-data.key) and is not in the backup: keep it safe separately");
			}
		}
		int listed = Manifest.write(dir);
		out.println("已备份到 / backed up to " + dir + " (" + listed + " 个文件 / files in " + Manifest.NAME + ")");
	}

	void restore(Path dir) throws IOException, SQLException {
		Manifest.verify(dir);
		if (!Files.isRegularFile(dir.resolve(DATABASE))) {
			throw new BackupRefused("备份中没有数据库 " + DATABASE + " / no " + DATABASE + " in the backup");
		}
		if (Files.exists(layout.files()) && !empty(layout.files())) {
			throw new BackupRefused("文件目录 " + layout.files() + " 不为空,只能恢复到空目录 / file folder " + layout.files()
					+ " is not empty: restore only into an empty one");
		}
		boolean hasKey = Files.isRegularFile(dir.resolve(KEY));
		if (hasKey && Files.exists(layout.keyFile())) {
			throw new BackupRefused("密钥文件 " + layout.keyFile() + " 已存在,不会覆盖 / key file " + layout.keyFile() + " exists: not overwritten");
		}
		Optional<Connection> existing = open(true);
		if (existing.isPresent()) {
			try (Connection db = existing.get()) {
				if (tables(db) > 0) {
					throw new BackupRefused("数据库 " + layout.url() + " 不为空,只能恢复到空数据库 / database " + layout.url()
							+ " is not empty: restore only into an empty one");
				}
			}
		}
		try (Connection db = open(false).orElseThrow(); Statement s = db.createStatement()) {
			s.execute("RUNSCRIPT FROM '" + sql(dir.resolve(DATABASE)) + "' COMPRESSION GZIP CHARSET 'UTF-8'");
			int files = copyTree(dir.resolve(FILES), layout.files());
			out.println("数据库 / database: " + tables(db) + " 张表 / tables");
			out.println("文件 / files: " + files + " → " + layout.files());
			if (hasKey) {
				copy(dir.resolve(KEY), layout.keyFile());
				if (layout.keyFile().getFileSystem().supportedFileAttributeViews().contains("posix")) {
					Files.setPosixFilePermissions(layout.keyFile(), PosixFilePermissions.fromString("rw-------"));
				}
				out.println("个人信息密钥 / personal-data key → " + layout.keyFile());
			}
		}
		out.println("已从 " + dir + " 恢复,SHA-256 全部校验通过 / restored from " + dir + ", every SHA-256 verified");
	}

	/** The database, or empty when {@code ifExists} and there is none; refused while the application holds it. */
	private Optional<Connection> open(boolean ifExists) throws SQLException {
		try {
			return Optional.of(DriverManager.getConnection(layout.url() + (ifExists ? ";IFEXISTS=TRUE" : ""), layout.username(), layout.password()));
		} catch (SQLException e) {
			if (e.getErrorCode() == NOT_FOUND) {
				return Optional.empty();
			}
			if (e.getErrorCode() == IN_USE) {
				throw new BackupRefused("数据库正被使用(应用仍在运行?),请先停止应用 / the database is in use (is the application still"
						+ " running?): stop it first — " + layout.url());
			}
			throw e;
		}
	}

	private static int tables(Connection db) throws SQLException {
		try (Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("select count(*) from information_schema.tables where table_schema = 'PUBLIC'")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static int copyTree(Path from, Path to) throws IOException {
		int copied = 0;
		for (Path file : Manifest.files(from)) {
			copy(file, to.resolve(from.relativize(file).toString()));
			copied++;
		}
		return copied;
	}

	private static void copy(Path from, Path to) throws IOException {
		Files.createDirectories(to.toAbsolutePath().getParent());
		Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
	}

	private static boolean empty(Path dir) throws IOException {
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (var entries = Files.list(dir)) {
			return entries.findAny().isEmpty();
		}
	}

	private static String sql(Path file) {
		return file.toAbsolutePath().toString().replace("'", "''");
	}
}
