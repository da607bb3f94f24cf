package org.chuangwen.evidence;

import java.time.LocalDateTime;

/** A file of a material. {@code takenAt} is the camera's capture time for photos that carry one. */
public record FileInfo(int index, String name, String contentType, long size, String sha256, LocalDateTime takenAt) {

	public boolean photo() {
		return FileTypes.isPhoto(contentType);
	}
}
