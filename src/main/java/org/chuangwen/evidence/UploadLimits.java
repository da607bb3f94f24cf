package org.chuangwen.evidence;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The upload limits on every page's model ({@code uploadLimit}), so that a file input can refuse an oversize file on
 * the phone, before megabytes go over mobile data only to be refused by the server.
 */
@ControllerAdvice(annotations = Controller.class)
class UploadLimits {

	private final EvidenceProperties properties;

	/** Web slices without the evidence module's configuration get the defaults. */
	UploadLimits(ObjectProvider<EvidenceProperties> properties) {
		this.properties = properties.getIfAvailable(() -> new EvidenceProperties(null, 0, null, null, null));
	}

	/** @param label the per-file limit as people read it, e.g. 50 MB */
	record Limit(long maxBytes, int maxFiles, String label) {}

	@ModelAttribute("uploadLimit")
	Limit uploadLimit() {
		long bytes = properties.maxFileSize().toBytes();
		String label = bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
		return new Limit(bytes, properties.maxFiles(), label);
	}
}
