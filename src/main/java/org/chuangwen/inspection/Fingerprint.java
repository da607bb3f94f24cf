package org.chuangwen.inspection;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What doubt signals compare about one file of a material, kept on inspection's own rows: the bytes' SHA-256, a
 * picture's dHash, the camera's time, a document's own created day, and the material's date formed and unit.
 */
record Fingerprint(long materialId, int fileIndex, String title, long orgUnitId, String orgPath, boolean photo, String sha256, Long dhash,
		LocalDateTime takenAt, LocalDate documentCreated, LocalDate dateFormed) {}
