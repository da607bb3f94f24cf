package org.chuangwen.platform;

import java.io.IOException;
import java.io.InputStream;

/**
 * Content-addressed file storage: bytes are kept under their SHA-256. A blob appears under its key only once
 * it is complete, so a crash or an interrupted copy never leaves half a file under a real key.
 */
public interface BlobStore {

	/**
	 * Copies the stream into the store.
	 *
	 * @return the key and size; {@code created} is false when the same bytes were already stored
	 */
	StoredBlob put(InputStream content) throws IOException;

	/** Opens the blob for reading; the caller closes the stream. */
	InputStream open(String sha256) throws IOException;

	boolean exists(String sha256);

	/**
	 * Removes a blob. Only for undoing a {@link #put} whose database rows were rolled back; never for
	 * anything a user filed.
	 */
	void delete(String sha256) throws IOException;

	record StoredBlob(String sha256, long size, boolean created) {}
}
