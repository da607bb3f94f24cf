package org.chuangwen.evidence;

import java.time.LocalDateTime;

/**
 * A file of a material. {@code takenAt} is the camera's capture time for photos that carry one; {@code pages} is
 * null where it cannot be read; {@code caption} is never null ({@link PhotoCaption#EMPTY} when none was written).
 */
public record FileInfo(int index, String name, String contentType, long size, String sha256, LocalDateTime takenAt, Integer pages,
		PhotoCaption caption) {

	public boolean photo() {
		return FileTypes.isPhoto(contentType);
	}

	/** The time to print under a photo: the caption's, else the camera's. */
	public LocalDateTime shownTime() {
		return caption.takenAt() != null ? caption.takenAt() : takenAt;
	}
}
