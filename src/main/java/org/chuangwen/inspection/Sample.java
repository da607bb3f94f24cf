package org.chuangwen.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A spot-check sample: {@code size} materials of a community drawn with {@code seed}; the same seed over the same
 * materials draws the same sample. Each drawn material carries the inspector's latest mark, if any.
 */
record Sample(long id, long orgUnitId, long seed, int size, String drawnBy, Instant drawnAt, List<Item> materials) {

	static final List<String> VERDICTS = List.of("verified", "doubtful");

	Sample {
		materials = List.copyOf(materials);
	}

	record Item(long materialId, String title, String kind, LocalDate dateFormed, String url, String verdict, String note, String checkedBy) {}
}
