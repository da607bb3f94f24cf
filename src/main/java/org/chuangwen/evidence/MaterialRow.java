package org.chuangwen.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A material as listed: in a search result, the recycle bin or an archive box. */
public record MaterialRow(
		long id,
		String title,
		String kind,
		LocalDate dateFormed,
		String responsibleParty,
		String documentNumber,
		long orgUnitId,
		String orgUnitName,
		String uploadedBy,
		Instant uploadedAt,
		Instant deletedAt,
		List<FileInfo> files,
		List<String> indicatorCodes,
		long lateDays) {

	public MaterialRow {
		files = List.copyOf(files);
		indicatorCodes = List.copyOf(indicatorCodes);
	}

	/** Formed long before it was uploaded (补录): marked, never hidden. */
	public boolean late() {
		return lateDays > 0;
	}

	public int year() {
		return dateFormed.getYear();
	}

	/** Pages of all files where every file's count is known, otherwise null. */
	public Integer pages() {
		int pages = 0;
		for (FileInfo file : files) {
			if (file.pages() == null) {
				return null;
			}
			pages += file.pages();
		}
		return pages;
	}
}
