package org.chuangwen.evidence;

import java.util.List;
import org.chuangwen.catalog.EvidencePeriod;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Percent;

/**
 * The archive box (档案盒) of one indicator for one community: its materials by kind and year, which required
 * kinds are present, and whether the primary period is covered.
 */
public record ArchiveBox(OrgUnit unit, Indicator indicator, EvidencePeriod period, List<KindShelf> shelves, List<MaterialRow> materials) {

	public ArchiveBox {
		shelves = List.copyOf(shelves);
		materials = List.copyOf(materials);
	}

	/** One kind in the box: required or not, and its materials grouped by the year formed (oldest first). */
	public record KindShelf(String kind, boolean required, List<YearGroup> years) {

		public boolean present() {
			return !years.isEmpty();
		}

		public int count() {
			return years.stream().mapToInt(y -> y.materials().size()).sum();
		}

		/** Whether a material on the shelf holds a photo, which the box's caption sheet then lists. */
		public boolean hasPhotos() {
			return years.stream().flatMap(y -> y.materials().stream()).flatMap(m -> m.files().stream()).anyMatch(FileInfo::photo);
		}

		public boolean coversPrimary(EvidencePeriod period) {
			return years.stream().anyMatch(y -> period.isPrimary(y.year()));
		}
	}

	public record YearGroup(int year, List<MaterialRow> materials) {}

	public List<String> missingKinds() {
		return shelves.stream().filter(s -> s.required() && !s.present()).map(KindShelf::kind).toList();
	}

	public double completeness() {
		return indicator.completeness(shelves.stream().filter(KindShelf::present).map(KindShelf::kind).toList());
	}

	public long percent() {
		return Percent.of(completeness());
	}

	/** Whether any material of the box was formed in the primary period (2009–2010). */
	public boolean primaryCovered() {
		return materials.stream().anyMatch(m -> period.isPrimary(m.year()));
	}

	/** Required kinds present but without a material from the primary period. */
	public List<String> kindsOnlyOutsidePrimary() {
		return shelves.stream().filter(s -> s.required() && s.present() && !s.coversPrimary(period)).map(KindShelf::kind).toList();
	}

	public long lateCount() {
		return materials.stream().filter(MaterialRow::late).count();
	}
}
