package org.chuangwen.evidence;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits, and when a material counts as filed late (补录): uploaded more than {@code lateAfter} after the
 * date it was formed, and formed on or after {@code lateMarkedFrom} when that is set. Set it to the day the platform
 * went into use: what was formed before (the 2009–2010 evidence a community gathers for the inspection) could not have
 * been filed earlier, so the gap says nothing and the mark would be on everything. Unset, every gap is marked.
 */
@ConfigurationProperties("chuangwen.evidence")
record EvidenceProperties(DataSize maxFileSize, int maxFiles, Period lateAfter, Inspection inspection, LocalDate lateMarkedFrom) {

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
		if (inspection == null) {
			inspection = new Inspection(0, null, null, 0, null, 0, null);
		}
	}

	/**
	 * How far an upload is inspected before it is stored. Office files (ZIP containers) are inflated once, counting
	 * the bytes that really come out: at most {@code maxEntries} entries, {@code maxEntrySize} per entry and
	 * {@code maxExpandedSize} in all, no entry expanding more than {@code maxCompressionRatio} times (after its
	 * first megabyte), all within {@code timeBudget}. Images may have at most {@code maxImagePixels} pixels (read
	 * from the header, never decoded at upload); the same budget bounds every decoding for print. A PDF is read with
	 * at most {@code pdfMemory} of memory and within the same time budget.
	 */
	record Inspection(int maxEntries, DataSize maxEntrySize, DataSize maxExpandedSize, int maxCompressionRatio, Duration timeBudget,
			long maxImagePixels, DataSize pdfMemory) {

		static final Inspection DEFAULTS = new Inspection(0, null, null, 0, null, 0, null);

		Inspection {
			if (maxEntries <= 0) {
				maxEntries = 10_000;
			}
			if (maxEntrySize == null) {
				maxEntrySize = DataSize.ofMegabytes(512);
			}
			if (maxExpandedSize == null) {
				maxExpandedSize = DataSize.ofGigabytes(1);
			}
			if (maxCompressionRatio <= 0) {
				maxCompressionRatio = 200;
			}
			if (timeBudget == null) {
				timeBudget = Duration.ofSeconds(10);
			}
			if (maxImagePixels <= 0) {
				maxImagePixels = 200_000_000;
			}
			if (pdfMemory == null) {
				pdfMemory = DataSize.ofMegabytes(128);
			}
		}
	}
}
