package org.chuangwen.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.chuangwen.platform.StorageProperties;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What must not change when an upload is refused: rows, readiness counts, stored blobs and partial files. */
record StoreSnapshot(long materials, long files, long counters, long blobs, long partials) {

	static StoreSnapshot of(JdbcClient jdbc, StorageProperties storage) throws IOException {
		Path root = storage.root().toAbsolutePath();
		long blobs;
		long partials;
		try (Stream<Path> all = Files.walk(root)) {
			blobs = all.filter(Files::isRegularFile).filter(p -> !p.startsWith(root.resolve("tmp"))).count();
		}
		try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
			partials = tmp.count();
		}
		return new StoreSnapshot(count(jdbc, "material"), count(jdbc, "material_file"),
				jdbc.sql("select coalesce(sum(material_count), 0) from readiness_counter").query(Long.class).single(), blobs, partials);
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}
}
