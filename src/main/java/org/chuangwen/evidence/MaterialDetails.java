package org.chuangwen.evidence;

import java.util.List;
import org.chuangwen.catalog.Indicator;

/** One material with everything known about it. */
public record MaterialDetails(MaterialRow row, String deletedBy, List<Indicator> indicators) {

	public MaterialDetails {
		indicators = List.copyOf(indicators);
	}

	public long id() {
		return row.id();
	}

	public List<FileInfo> files() {
		return row.files();
	}
}
