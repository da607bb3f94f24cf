package org.chuangwen.evidence;

import java.time.LocalDateTime;

/** The caption fields of one photo on the material page. */
record CaptionForm(String title, LocalDateTime takenAt, String place,
		String people, String photographer) {

	PhotoCaption toCaption() {
		return new PhotoCaption(title, takenAt, place, people, photographer);
	}
}
