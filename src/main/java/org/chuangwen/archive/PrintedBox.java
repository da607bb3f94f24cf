package org.chuangwen.archive;

import java.util.List;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.FileInfo;
import org.chuangwen.orgs.OrgUnit;

/** A box as it is printed: its community, indicator, box number and its 件 in archival order. */
record PrintedBox(OrgUnit unit, Indicator indicator, int boxNumber, List<ArchiveItem> items) {

	public PrintedBox {
		items = List.copyOf(items);
	}

	/** The years its materials were formed, as printed on the cover: 2009–2011, or 2010. */
	public String years() {
		if (items.isEmpty()) {
			return "";
		}
		int first = items.stream().mapToInt(i -> i.material().year()).min().orElseThrow();
		int last = items.stream().mapToInt(i -> i.material().year()).max().orElseThrow();
		return first == last ? String.valueOf(first) : first + "–" + last;
	}

	/** Every photo of the box in archival order, with the item it belongs to. */
	public List<Photo> photos() {
		return items.stream()
				.flatMap(item -> item.material().files().stream().filter(FileInfo::photo).map(file -> new Photo(item, file)))
				.toList();
	}

	/** The download name of one of its documents, community and indicator first so that a folder of them sorts by box. */
	String fileName(String document, String extension) {
		return unit.name() + "-" + indicator.code() + "-" + document + "." + extension;
	}

	public record Photo(ArchiveItem item, FileInfo file) {}
}
