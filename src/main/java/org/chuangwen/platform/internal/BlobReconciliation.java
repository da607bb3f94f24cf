package org.chuangwen.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.chuangwen.platform.BlobReferences;
import org.chuangwen.platform.BlobStore;
import org.chuangwen.platform.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Tidies what a crash left half-done in the file store, before the server takes its first request: partial copies
 * are removed, and so are blobs that no owner's row references (an upload killed between storing its files and
 * committing its rows was never acknowledged, so nobody is owed those bytes; adopting them would need the title,
 * kind and unit that died with the request). The owners of the rows decide what is referenced
 * ({@link BlobReferences}); the platform never reads their tables.
 */
@Component
class BlobReconciliation implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(BlobReconciliation.class);
	private static final int BATCH = 500;

	private final BlobStore blobs;
	private final List<BlobReferences> owners;
	private final StorageProperties properties;
	private final Clock clock;

	BlobReconciliation(BlobStore blobs, List<BlobReferences> owners, StorageProperties properties, Clock clock) {
		this.blobs = blobs;
		this.owners = owners;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Result result = reconcile();
		if (result.partials() > 0 || result.orphans() > 0) {
			log.warn("File store reconciled after an interrupted run: {} partial file(s) and {} unreferenced blob(s) removed",
					result.partials(), result.orphans());
		}
	}

	record Result(int partials, int orphans) {}

	Result reconcile() {
		try {
			int partials = blobs.removePartials();
			if (owners.isEmpty()) {
				// without an owner to ask, every blob would look unreferenced
				return new Result(partials, 0);
			}
			Instant settled = clock.instant().minus(properties.orphanGrace());
			int orphans = 0;
			List<String> batch = new ArrayList<>(BATCH);
			try (Stream<BlobStore.Listed> listed = blobs.list()) {
				for (BlobStore.Listed blob : (Iterable<BlobStore.Listed>) listed::iterator) {
					if (!blob.modified().isAfter(settled)) {
						batch.add(blob.sha256());
						if (batch.size() == BATCH) {
							orphans += removeUnreferenced(batch);
							batch.clear();
						}
					}
				}
			}
			orphans += removeUnreferenced(batch);
			return new Result(partials, orphans);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot reconcile the file store", e);
		}
	}

	private int removeUnreferenced(List<String> batch) throws IOException {
		if (batch.isEmpty()) {
			return 0;
		}
		Set<String> referenced = new HashSet<>();
		owners.forEach(owner -> referenced.addAll(owner.referencedAmong(batch)));
		int removed = 0;
		for (String sha256 : batch) {
			// asked again under the key's lock: a filing may have named the blob since the batch was read
			if (!referenced.contains(sha256) && blobs.deleteUnlessReferenced(sha256, this::referenced)) {
				removed++;
			}
		}
		return removed;
	}

	private boolean referenced(String sha256) {
		return owners.stream().anyMatch(owner -> !owner.referencedAmong(List.of(sha256)).isEmpty());
	}
}
