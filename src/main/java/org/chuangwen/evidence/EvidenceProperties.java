package org.chuangwen.evidence;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits, and when a material counts as filed late: uploaded more than {@code lateAfter} after the
 * date it was formed.
 */
@ConfigurationProperties("chuangwen.evidence")
record EvidenceProperties(DataSize maxFileSize, int maxFiles, Period lateAfter) {

	EvidenceProperties {
		if (maxFileSize == null) {
			maxFileSize = DataSize.ofMegabytes(50);
		}
		if (maxFiles <= 0) {
			maxFiles = 100;
		}
		if (lateAfter == null) {
			lateAfter = Period.ofDays(180);
		}
	}
}
