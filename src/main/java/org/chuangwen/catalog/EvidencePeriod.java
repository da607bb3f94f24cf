package org.chuangwen.catalog;

/** Which years of material count as primary evidence (2009–2010) and which as supplementary (2011). */
public record EvidencePeriod(int primaryFrom, int primaryTo, int supplementaryFrom, int supplementaryTo) {

	public boolean isPrimary(int year) {
		return year >= primaryFrom && year <= primaryTo;
	}

	public boolean isSupplementary(int year) {
		return year >= supplementaryFrom && year <= supplementaryTo;
	}

	public String primaryLabel() {
		return primaryFrom == primaryTo ? String.valueOf(primaryFrom) : primaryFrom + "–" + primaryTo;
	}

	public String supplementaryLabel() {
		return supplementaryFrom == supplementaryTo ? String.valueOf(supplementaryFrom) : supplementaryFrom + "–" + supplementaryTo;
	}
}
