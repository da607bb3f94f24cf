package org.chuangwen.evidence;

/**
 * A search in the caller's scope. Every filter may be null; {@code recycled} chooses the recycle bin instead
 * of live materials. {@code page} counts from 0.
 */
record MaterialQuery(Long orgUnitId, String indicatorCode, String kind, Integer year, String keyword, boolean recycled, int page, int size) {

	public MaterialQuery {
		page = Math.max(page, 0);
		size = size <= 0 ? 20 : Math.min(size, 200);
	}
}
