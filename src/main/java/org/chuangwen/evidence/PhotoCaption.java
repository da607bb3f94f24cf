package org.chuangwen.evidence;

import static org.chuangwen.platform.Text.blankToNull;

import java.time.LocalDateTime;

/**
 * The caption of a photo after DA/T 50-2014: 题名, 时间, 地点, 人物, 摄影者. Every field may be null; {@code takenAt}
 * falls back to the camera's EXIF time where the caption leaves it empty.
 */
public record PhotoCaption(String title, LocalDateTime takenAt, String place, String people, String photographer) {

	public static final PhotoCaption EMPTY = new PhotoCaption(null, null, null, null, null);

	public PhotoCaption {
		title = blankToNull(title);
		place = blankToNull(place);
		people = blankToNull(people);
		photographer = blankToNull(photographer);
	}

	/** This caption with every field that {@code patch} fills taken from the patch (bulk captioning). */
	public PhotoCaption with(PhotoCaption patch) {
		return new PhotoCaption(
				patch.title != null ? patch.title : title,
				patch.takenAt != null ? patch.takenAt : takenAt,
				patch.place != null ? patch.place : place,
				patch.people != null ? patch.people : people,
				patch.photographer != null ? patch.photographer : photographer);
	}
}
