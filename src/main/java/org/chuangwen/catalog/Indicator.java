package org.chuangwen.catalog;

import java.util.List;

/**
 * One indicator of an edition, one archive box per community.
 *
 * @param code unique within the edition; where the source used a code twice, a letter is added (Ⅲ-52a, Ⅲ-52b)
 * @param sourceCode the code as the source meant it, whitespace removed (Ⅲ-52)
 * @param printedCode exactly as printed, line breaks included
 * @param printedTitle the title as printed when it was corrected, otherwise null
 * @param evidenceText the material requirements as printed
 * @param evidenceKinds the kinds this box needs, in the order the source names them
 * @param weight the indicator's weight in a unit's overall score, from the edition's {@code weight:} (1 when absent)
 */
public record Indicator(
		long id,
		String code,
		String sourceCode,
		String printedCode,
		String title,
		String printedTitle,
		int sort,
		List<String> requirements,
		String evidenceText,
		List<String> evidenceKinds,
		List<Target> targets,
		String note,
		java.math.BigDecimal weight) {

	public Indicator {
		requirements = List.copyOf(requirements);
		weight = weight == null ? java.math.BigDecimal.ONE : weight;
		evidenceKinds = List.copyOf(evidenceKinds);
		targets = List.copyOf(targets);
	}

	/** An indicator of weight 1, as editions without weights have. */
	public Indicator(long id, String code, String sourceCode, String printedCode, String title, String printedTitle, int sort,
			List<String> requirements, String evidenceText, List<String> evidenceKinds, List<Target> targets, String note) {
		this(id, code, sourceCode, printedCode, title, printedTitle, sort, requirements, evidenceText, evidenceKinds, targets, note, null);
	}

	/** The share of this indicator's required kinds that are among {@code presentKinds}: 0.0 to 1.0. */
	public double completeness(java.util.Collection<String> presentKinds) {
		if (evidenceKinds.isEmpty()) {
			return 1.0;
		}
		return (double) evidenceKinds.stream().filter(presentKinds::contains).count() / evidenceKinds.size();
	}

	/** The printed code on one line, its line breaks shown as ⏎. */
	public String printedCodeOneLine() {
		return printedCode.replace("\n", "⏎");
	}

	public String label() {
		return code + " " + title;
	}
}
