package org.chuangwen.archive;

import org.chuangwen.evidence.MaterialRow;

/**
 * One 件 in a printed box: the material and its archival code. {@code sequence} is the 序号 in the box's catalogue.
 */
record ArchiveItem(int sequence, String archivalCode, String retention, int itemNo, MaterialRow material) {

	public String retentionLabel() {
		return switch (retention) {
			case "Y" -> "永久";
			case "D30" -> "定期30年";
			case "D10" -> "定期10年";
			default -> retention;
		};
	}
}
