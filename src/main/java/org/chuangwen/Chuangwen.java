package org.chuangwen;

import org.chuangwen.backup.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class Chuangwen {

	/** Starts the platform, or runs {@code backup <dir>} / {@code restore <dir>} instead (no server, see BackupCommand). */
	public static void main(String[] args) {
		if (BackupCommand.handles(args)) {
			System.exit(BackupCommand.run(args, System.out, System.err));
		}
		SpringApplication.run(Chuangwen.class, args);
	}
}
