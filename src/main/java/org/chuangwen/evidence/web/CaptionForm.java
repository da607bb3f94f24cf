package org.chuangwen.evidence.web;

import java.time.LocalDateTime;
import org.chuangwen.evidence.PhotoCaption;
import org.springframework.format.annotation.DateTimeFormat;

/** The caption fields of one photo on the material page. */
record CaptionForm(String title, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime takenAt, String place,
		String people, String photographer) {

	PhotoCaption toCaption() {
		return new PhotoCaption(title, takenAt, place, people, photographer);
	}
}
