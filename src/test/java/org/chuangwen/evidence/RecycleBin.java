package org.chuangwen.evidence;

/**
 * Recycling is the evidence module's own business (its pages), so its methods are package-private; tests of other
 * modules that need a material recycled or restored go through here.
 */
public final class RecycleBin {

	private RecycleBin() {
	}

	public static void recycle(EvidenceArchive evidence, long materialId) {
		evidence.recycle(materialId);
	}

	public static void restore(EvidenceArchive evidence, long materialId) {
		evidence.restore(materialId);
	}
}
