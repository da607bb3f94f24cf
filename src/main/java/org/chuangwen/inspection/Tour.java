package org.chuangwen.inspection;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.orgs.OrgUnit;

/**
 * A community as the inspector walks through it: box by box, the kinds present and missing, the grades, the materials
 * with their doubt signals; then the targets with their values and the spot-check samples.
 */
record Tour(OrgUnit community, List<Box> boxes, Map<Long, Doubt.OfMaterial> doubts, List<TargetValue> targets, List<Sample> samples) {

	Tour {
		boxes = List.copyOf(boxes);
		targets = List.copyOf(targets);
		samples = List.copyOf(samples);
	}

	/**
	 * One archive box. {@code selfGrade} is what the community recorded, else null; {@link #assessed()} falls back to
	 * the grade its evidence completeness earns.
	 */
	record Box(Indicator indicator, List<String> present, List<String> missing, double completeness, Grade selfGrade, Grade inspectorGrade,
			List<MaterialRow> materials) {

		Box {
			present = List.copyOf(present);
			missing = List.copyOf(missing);
			materials = List.copyOf(materials);
		}

		public String derivedGrade() {
			return Grade.fromCompleteness(completeness);
		}

		/** The self-assessed grade: recorded, or derived from completeness. */
		public String assessed() {
			return selfGrade != null ? selfGrade.grade() : derivedGrade();
		}

		public long percent() {
			return Math.round(completeness * 100);
		}
	}

	/**
	 * A target of an indicator with its value where a module measures it; {@code value} is null when no module offers a
	 * source ({@code built} false) or there is nothing to count yet.
	 */
	/** A target of the registry as it stands for the community (see {@link org.chuangwen.targets.Targets}). */
	record TargetValue(String indicatorCode, String metric, String symbol, String comparator, BigDecimal threshold, String unit, String source,
			BigDecimal value, Boolean met, String basis, String definition) {

		public boolean built() {
			return !"not_built".equals(source);
		}

		public String goal() {
			return metric + " " + symbol + " " + threshold.stripTrailingZeros().toPlainString() + (unit == null ? "" : unit);
		}
	}

	public int signalCount() {
		return doubts.values().stream().mapToInt(d -> d.signals().size()).sum();
	}
}
