package org.chuangwen.activities;

import org.chuangwen.evidence.FileInfo;
import org.chuangwen.platform.PrintImages;

/** A photo filed for an activity: its material, the file (with its caption) and how to read its bytes. */
record ActivityPhoto(long materialId, String materialTitle, FileInfo file, PrintImages.Source bytes) {

	/** How a form names the photo when choosing it: {@code materialId:index}. */
	public String key() {
		return materialId + ":" + file.index();
	}
}
