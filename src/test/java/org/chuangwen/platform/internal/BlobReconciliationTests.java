package org.chuangwen.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.chuangwen.platform.BlobReferences;
import org.chuangwen.platform.BlobStore;
import org.chuangwen.platform.StorageProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start finds after a crash, on a real directory: partial copies go, blobs no owner references go once they
 * are older than the grace, and everything an owner references or an unfinished put holds stays.
 */
class BlobReconciliationTests {

	@TempDir
	Path root;

	LocalBlobStore store;

	@BeforeEach
	void setUp() throws IOException {
		store = new LocalBlobStore(new StorageProperties(root, Duration.ZERO));
	}

	@Test
	void removesPartialFilesAndUnreferencedBlobsAndKeepsReferencedOnes() throws IOException {
		String kept = stored("filed and committed");
		String orphan = stored("stored, then the process was killed before the commit");
		Files.writeString(root.resolve("tmp").resolve("1b2c.part"), "half a file");

		BlobReconciliation.Result result = reconciliation(Duration.ZERO, owner(kept)).reconcile();

		assertThat(result).isEqualTo(new BlobReconciliation.Result(1, 1));
		assertThat(store.exists(kept)).isTrue();
		assertThat(store.exists(orphan)).isFalse();
		assertThat(keys()).containsExactly(kept);
		try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
			assertThat(tmp).isEmpty();
		}
	}

	@Test
	void asksEveryOwnerAndKeepsWhatAnyOfThemReferences() throws IOException {
		String ofEvidence = stored("a photo");
		String ofAnotherModule = stored("a generated document");
		String nobodys = stored("nobody's");

		reconciliation(Duration.ZERO, owner(ofEvidence), owner(ofAnotherModule)).reconcile();

		assertThat(keys()).containsExactlyInAnyOrder(ofEvidence, ofAnotherModule).doesNotContain(nobodys);
	}

	@Test
	void sparesUnreferencedBlobsYoungerThanTheGrace() throws IOException {
		String old = stored("left by a crash an hour ago");
		Files.setLastModifiedTime(root.resolve(old.substring(0, 2)).resolve(old.substring(2, 4)).resolve(old),
				FileTime.from(Instant.now().minus(Duration.ofHours(1))));
		String young = stored("perhaps an upload another instance is making right now");

		BlobReconciliation.Result result = reconciliation(Duration.ofMinutes(15), owner()).reconcile();

		assertThat(result.orphans()).isEqualTo(1);
		assertThat(keys()).containsExactly(young);
	}

	@Test
	void neverRemovesABlobAPutStillHolds() throws IOException {
		BlobStore.StoredBlob held = store.put(new ByteArrayInputStream("being filed".getBytes(StandardCharsets.UTF_8)));

		reconciliation(Duration.ZERO, owner()).reconcile();
		assertThat(store.exists(held.sha256())).isTrue();
		assertThat(store.deleteUnlessReferenced(held.sha256(), key -> false)).isFalse();

		store.release(held.sha256());
		assertThat(store.deleteUnlessReferenced(held.sha256(), key -> true)).isFalse();
		assertThat(store.deleteUnlessReferenced(held.sha256(), key -> false)).isTrue();
		assertThat(store.exists(held.sha256())).isFalse();
	}

	@Test
	void identicalBytesPutTwiceStayUntilBothHoldsEnd() throws IOException {
		BlobStore.StoredBlob first = store.put(new ByteArrayInputStream("same".getBytes(StandardCharsets.UTF_8)));
		BlobStore.StoredBlob second = store.put(new ByteArrayInputStream("same".getBytes(StandardCharsets.UTF_8)));
		assertThat(first.created()).isTrue();
		assertThat(second.created()).isFalse();

		// the first filing failed and gives up its blob while the second is still being filed
		store.release(first.sha256());
		assertThat(store.deleteUnlessReferenced(first.sha256(), key -> false)).isFalse();
		assertThat(store.exists(first.sha256())).isTrue();
	}

	@Test
	void removesNothingWhenNoOwnerCanBeAsked() throws IOException {
		String blob = stored("cannot tell whose");

		BlobReconciliation.Result result = reconciliation(Duration.ZERO).reconcile();

		assertThat(result.orphans()).isZero();
		assertThat(store.exists(blob)).isTrue();
	}

	private String stored(String content) throws IOException {
		BlobStore.StoredBlob blob = store.put(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
		store.release(blob.sha256());
		return blob.sha256();
	}

	private BlobReconciliation reconciliation(Duration grace, BlobReferences... owners) {
		return new BlobReconciliation(store, List.of(owners), new StorageProperties(root, grace), Clock.systemUTC());
	}

	/** An owner whose rows name exactly these keys. */
	private static BlobReferences owner(String... referenced) {
		Set<String> rows = Set.of(referenced);
		return (Collection<String> keys) -> keys.stream().filter(rows::contains).collect(Collectors.toSet());
	}

	private List<String> keys() throws IOException {
		try (Stream<BlobStore.Listed> listed = store.list()) {
			return listed.map(BlobStore.Listed::sha256).toList();
		}
	}
}
