package org.chuangwen.archive;

import java.time.Instant;
import java.util.List;

/** A ZIP export of one community's boxes: what was asked for and how far it has come. */
record ExportJob(
		long id,
		long orgUnitId,
		String orgUnitName,
		List<String> indicatorCodes,
		int photosPerPage,
		String requestedBy,
		Instant requestedAt,
		State state,
		int progress,
		String fileName,
		Long fileSize,
		Integer entries,
		String error,
		Instant finishedAt) {

	public enum State {
		QUEUED, RUNNING, DONE, FAILED
	}

	public ExportJob {
		indicatorCodes = List.copyOf(indicatorCodes);
	}

	public boolean done() {
		return state == State.DONE;
	}

	public boolean finished() {
		return state == State.DONE || state == State.FAILED;
	}

	/** The size for people: KB below a megabyte, MB with one decimal above. */
	public String sizeLabel() {
		if (fileSize == null) {
			return "";
		}
		return fileSize < 1024 * 1024 ? Math.max(1, Math.round(fileSize / 1024.0)) + " KB" : Math.round(fileSize / 104857.6) / 10.0 + " MB";
	}

	/** Every box of the community rather than a chosen few. */
	public boolean allBoxes() {
		return indicatorCodes.isEmpty();
	}
}
