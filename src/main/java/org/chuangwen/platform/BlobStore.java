package org.chuangwen.platform;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Content-addressed file storage: bytes are kept under their SHA-256. A blob appears under its key only once
 * it is complete and on disk, so a crash or an interrupted copy never leaves half a file under a real key.
 *
 * <p>Who may remove a blob: only the owner of rows naming it, and only through
 * {@link #deleteUnlessReferenced}, which never removes a blob that a {@link #put} still holds or that a committed
 * row references. The platform removes what a crash left behind at start ({@link BlobReferences}).
 */
public interface BlobStore {

	/**
	 * Copies the stream into the store. When this returns, the blob and its directory entry are forced to disk,
	 * so a database commit naming the key afterwards never points at a file a crash could lose. The key stays
	 * <em>held</em> for the caller until {@link #release}: a held blob is never deleted, even if identical bytes
	 * were stored and given up by someone else meanwhile.
	 *
	 * @return the key and size; {@code created} is false when the same bytes were already stored
	 */
	StoredBlob put(InputStream content) throws IOException;

	/** Ends one hold that {@link #put} took on the key; call it once the rows naming the key are committed or not. */
	void release(String sha256);

	/** Opens the blob for reading; the caller closes the stream. */
	InputStream open(String sha256) throws IOException;

	boolean exists(String sha256);

	/**
	 * Removes a blob unless a {@link #put} holds it or {@code referenced} says a committed row names it. The check
	 * runs under the key's lock, so a concurrent {@link #put} of the same bytes either happens before (and holds
	 * the key) or after (and stores the bytes again). For undoing a put whose rows were not committed, and for
	 * removing orphans; never for anything a user filed.
	 *
	 * @return whether the blob was removed
	 */
	boolean deleteUnlessReferenced(String sha256, Predicate<String> referenced) throws IOException;

	/** Every stored blob with the time it was last written; the caller closes the stream. */
	Stream<Listed> list() throws IOException;

	/**
	 * Removes the partial files of copies that never finished (a crash in the middle of a {@link #put}).
	 *
	 * @return how many were removed
	 */
	int removePartials() throws IOException;

	record StoredBlob(String sha256, long size, boolean created) {}

	record Listed(String sha256, Instant modified) {}
}
