package org.chuangwen.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code backup <dir>} and {@code restore <dir>}, for the application stopped. Configuration comes from the same
 * sources as the application ({@code application.properties}, profiles, environment, {@code --name=value}) through
 * an empty, non-web Spring context: no server, no database pool, no migrations, no demo data, no schedulers.
 */
public final class BackupCommand {

	private BackupCommand() {}

	/** Whether the command line asks for a backup or a restore instead of the application. */
	public static boolean handles(String[] args) {
		return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
	}

	/** Runs the command; returns the exit status (0 done, 2 refused, 1 failed). */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length < 2 || args[1].startsWith("--")) {
			err.println("用法 / usage: java -jar chuangwen.jar " + (args.length > 0 ? args[0] : "backup|restore") + " <目录/dir> [--spring.datasource.url=… --chuangwen.storage.root=…]");
			return 2;
		}
		Path dir = Path.of(args[1]).toAbsolutePath().normalize();
		String[] configuration = Arrays.copyOfRange(args, 2, args.length);
		try {
			DataLayout layout = layout(configuration);
			if (!layout.embeddedH2()) {
				throw new BackupRefused(layout.postgres()
						? "数据库是 PostgreSQL:请用其自身的工具备份(pg_dump 或 pg_basebackup 加 WAL 归档),S3 文件用存储桶的版本控制/复制或"
								+ " aws s3 sync / mc mirror,另外保管个人信息密钥;见 README 的“备份与恢复” / the database is PostgreSQL: back it up with"
								+ " its own tools (pg_dump, or pg_basebackup with WAL archiving), S3 files with bucket versioning/replication or"
								+ " aws s3 sync / mc mirror, and keep the personal-data key; see README, Backup and restore"
						: "只能备份内置的 H2 文件数据库,当前为 " + layout.url() + " / only the embedded H2 file database is backed up here, not "
								+ layout.url());
			}
			EmbeddedBackup backup = new EmbeddedBackup(layout, out);
			if (args[0].equals("backup")) {
				backup.backup(dir);
			} else {
				backup.restore(dir);
			}
			return 0;
		} catch (BackupRefused e) {
			err.println(e.getMessage());
			return 2;
		} catch (Exception e) {
			err.println((args[0].equals("backup") ? "备份失败 / backup failed: " : "恢复失败 / restore failed: ") + e);
			return 1;
		}
	}

	private static DataLayout layout(String[] configuration) {
		SpringApplication application = new SpringApplication(Settings.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		try (ConfigurableApplicationContext context = application.run(configuration)) {
			return DataLayout.of(context.getEnvironment());
		}
	}

	/** Nothing but the environment (deliberately not a {@code @Configuration}: the application's scan must not see it). */
	static class Settings {}
}
