package org.chuangwen.platform;

import java.util.Collection;
import java.util.Set;

/**
 * Implemented by every module whose rows name blobs of the {@link BlobStore}. The platform owns the store but not
 * the rows: when it reconciles the store at start it asks each owner which keys are still referenced, and removes
 * only blobs that no owner names.
 */
public interface BlobReferences {

	/**
	 * The keys among {@code sha256s} that a committed row of this module references (live or recycled alike).
	 *
	 * @return a subset of {@code sha256s}, never null
	 */
	Set<String> referencedAmong(Collection<String> sha256s);
}
