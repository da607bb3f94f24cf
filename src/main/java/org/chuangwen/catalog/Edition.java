package org.chuangwen.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A version of the evaluation system with its indicators, as loaded and checked. */
public record Edition(
		long id,
		String code,
		String name,
		String boxRule,
		EvidencePeriod period,
		List<EvidenceKind> kinds,
		List<Indicator> indicators,
		List<Finding> findings,
		Instant importedAt,
		String importedBy,
		String fileName) {

	public Edition {
		kinds = List.copyOf(kinds);
		indicators = List.copyOf(indicators);
		findings = List.copyOf(findings);
	}

	public Optional<EvidenceKind> kind(String name) {
		return kinds.stream().filter(k -> k.name().equals(name)).findFirst();
	}

	public Optional<Indicator> indicator(long id) {
		return indicators.stream().filter(i -> i.id() == id).findFirst();
	}

	public List<Finding> findingsOf(String indicatorCode) {
		return findings.stream().filter(f -> indicatorCode.equals(f.indicatorCode())).toList();
	}
}
