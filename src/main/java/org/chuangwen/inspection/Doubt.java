package org.chuangwen.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A doubt signal about one file of a material: what kind, why (in the reader's language) and which other materials
 * it involves. Materials outside the reader's scope are counted, never named.
 */
record Doubt(long materialId, int fileIndex, String kind, String explanation, List<Related> related, int relatedOutsideScope) {

	static final String SAME_PHOTO = "same_photo";
	static final String NEAR_DUPLICATE = "near_duplicate";
	static final String CAMERA_DATE = "camera_date";
	static final String DOCUMENT_DATE = "document_date";
	static final List<String> KINDS = List.of(SAME_PHOTO, NEAR_DUPLICATE, CAMERA_DATE, DOCUMENT_DATE);

	Doubt {
		related = List.copyOf(related);
	}

	/** Another material involved, with the page that shows it. */
	record Related(long materialId, int fileIndex, String title, long orgUnitId, LocalDate dateFormed, String url) {}

	/** A worker's answer to a signal, kept and shown to the inspector. */
	record Note(long materialId, String kind, String note, String writtenBy, Instant writtenAt) {}

	/** The signals of one material and the answers written to them. */
	record OfMaterial(long materialId, String title, long orgUnitId, List<Doubt> signals, List<Note> notes) {

		OfMaterial {
			signals = List.copyOf(signals);
			notes = List.copyOf(notes);
		}
	}
}
