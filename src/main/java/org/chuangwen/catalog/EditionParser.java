package org.chuangwen.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and checks an edition file. Either the whole file is usable, or it is rejected with the first problem
 * named by entry and field; the source's own flaws that can be coped with become findings of the report.
 */
final class EditionParser {

	private static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(100);
	private static final Set<String> COMPARATORS = Set.of(">=", "<=", ">", "<", "=");
	private static final Set<String> TOP = Set.of("edition", "kinds", "indicators");
	private static final Set<String> EDITION = Set.of("code", "name", "source", "boxRule", "period");
	private static final Set<String> PERIOD = Set.of("primary", "supplementary");
	private static final Set<String> RANGE = Set.of("from", "to");
	private static final Set<String> KIND = Set.of("name", "description", "ledger");
	private static final Set<String> INDICATOR = Set.of(
			"code", "title", "printedTitle", "requirements", "evidence", "evidenceKinds", "targets", "flaws", "note", "weight");
	private static final Set<String> TARGET = Set.of("key", "metric", "comparator", "threshold", "unit", "source");
	private static final Set<String> FLAW = Set.of("field", "problem", "detail", "action");

	/** The checked content of a file; indicator ids are 0 until stored. */
	record Parsed(String code, String name, String boxRule, EvidencePeriod period, List<EvidenceKind> kinds,
			List<Indicator> indicators, List<Finding> findings) {

		Edition toEdition(long id, Map<String, Long> indicatorIds, Instant importedAt, String importedBy, String fileName) {
			List<Indicator> stored = indicators.stream()
					.map(i -> new Indicator(indicatorIds.getOrDefault(i.code(), 0L), i.code(), i.sourceCode(), i.printedCode(),
							i.title(), i.printedTitle(), i.sort(), i.requirements(), i.evidenceText(), i.evidenceKinds(), i.targets(), i.note(), i.weight()))
					.toList();
			return new Edition(id, code, name, boxRule, period, kinds, stored, findings, importedAt, importedBy, fileName);
		}
	}

	private EditionParser() {}

	static Parsed parse(String text) {
		Map<String, Object> doc = map(load(text), EditionRejected.file(), "-");
		only(doc, TOP, EditionRejected.file());

		DefaultMessageSourceResolvable editionEntry = EditionRejected.edition();
		Map<String, Object> edition = map(required(doc, "edition", EditionRejected.file()), editionEntry, "edition");
		only(edition, EDITION, editionEntry);
		String code = string(edition, "code", editionEntry, true);
		if (!code.matches("[A-Za-z0-9._-]{1,64}")) {
			throw new EditionRejected(editionEntry, "code", "catalog.reason.edition-code", code);
		}
		String name = string(edition, "name", editionEntry, true);
		String boxRule = string(edition, "boxRule", editionEntry, false);
		EvidencePeriod period = period(map(required(edition, "period", editionEntry), editionEntry, "period"));

		List<EvidenceKind> kinds = kinds(list(required(doc, "kinds", EditionRejected.file()), EditionRejected.file(), "kinds"));
		Set<String> kindNames = new LinkedHashSet<>();
		kinds.forEach(k -> kindNames.add(k.name()));

		List<Object> rawIndicators = list(required(doc, "indicators", EditionRejected.file()), EditionRejected.file(), "indicators");
		if (rawIndicators.isEmpty()) {
			throw new EditionRejected(EditionRejected.file(), "indicators", "catalog.reason.empty");
		}
		List<Draft> drafts = new ArrayList<>();
		for (int i = 0; i < rawIndicators.size(); i++) {
			drafts.add(draft(i + 1, rawIndicators.get(i), kindNames));
		}
		List<Finding> findings = new ArrayList<>();
		List<Indicator> indicators = number(drafts, findings);
		return new Parsed(code, name, boxRule, period, kinds, indicators, findings);
	}

	private record Draft(int position, String printedCode, String sourceCode, String title, String printedTitle,
			List<String> requirements, String evidence, List<String> evidenceKinds, List<Target> targets,
			List<Map<String, String>> flaws, String note, BigDecimal weight) {}

	private static Object load(String text) {
		try {
			return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		} catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark();
			int line = mark == null ? 0 : mark.getLine() + 1;
			int column = mark == null ? 0 : mark.getColumn() + 1;
			throw new EditionRejected(EditionRejected.file(), "-", "catalog.reason.syntax", line, column, e.getProblem());
		} catch (YAMLException e) {
			throw new EditionRejected(EditionRejected.file(), "-", "catalog.reason.syntax", 0, 0, e.getMessage());
		}
	}

	private static EvidencePeriod period(Map<String, Object> period) {
		DefaultMessageSourceResolvable entry = EditionRejected.edition();
		only(period, PERIOD, entry);
		Map<String, Object> primary = map(required(period, "primary", entry), entry, "period.primary");
		Map<String, Object> supplementary = map(required(period, "supplementary", entry), entry, "period.supplementary");
		only(primary, RANGE, entry);
		only(supplementary, RANGE, entry);
		int pf = year(primary, "period.primary.from");
		int pt = year(primary, "period.primary.to");
		int sf = year(supplementary, "period.supplementary.from");
		int st = year(supplementary, "period.supplementary.to");
		if (pf > pt) {
			throw new EditionRejected(entry, "period.primary", "catalog.reason.range", pf, pt);
		}
		if (sf > st) {
			throw new EditionRejected(entry, "period.supplementary", "catalog.reason.range", sf, st);
		}
		return new EvidencePeriod(pf, pt, sf, st);
	}

	private static int year(Map<String, Object> range, String field) {
		String key = field.substring(field.lastIndexOf('.') + 1);
		Object value = required(range, key, EditionRejected.edition(), field);
		if (!(value instanceof Integer year) || year < 1949 || year > 2200) {
			throw new EditionRejected(EditionRejected.edition(), field, "catalog.reason.year", value);
		}
		return year;
	}

	private static List<EvidenceKind> kinds(List<Object> raw) {
		List<EvidenceKind> kinds = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < raw.size(); i++) {
			DefaultMessageSourceResolvable entry = EditionRejected.kind(i + 1, "?");
			Map<String, Object> kind = map(raw.get(i), entry, "-");
			String name = string(kind, "name", entry, true);
			entry = EditionRejected.kind(i + 1, name);
			only(kind, KIND, entry);
			if (name.length() > 32) {
				throw new EditionRejected(entry, "name", "catalog.reason.too-long", 32);
			}
			if (!seen.add(name)) {
				throw new EditionRejected(entry, "name", "catalog.reason.duplicate-kind", name);
			}
			Object ledger = kind.getOrDefault("ledger", Boolean.FALSE);
			if (!(ledger instanceof Boolean isLedger)) {
				throw new EditionRejected(entry, "ledger", "catalog.reason.boolean", ledger);
			}
			kinds.add(new EvidenceKind(name, string(kind, "description", entry, false), isLedger));
		}
		if (kinds.isEmpty()) {
			throw new EditionRejected(EditionRejected.file(), "kinds", "catalog.reason.empty");
		}
		return kinds;
	}

	private static Draft draft(int position, Object raw, Set<String> kindNames) {
		DefaultMessageSourceResolvable entry = EditionRejected.indicator(position, "?");
		Map<String, Object> indicator = map(raw, entry, "-");
		Object rawCode = indicator.get("code");
		String printed = rawCode == null ? null : rawCode.toString();
		if (printed == null || printed.isBlank()) {
			throw new EditionRejected(entry, "code", "catalog.reason.missing");
		}
		String sourceCode = IndicatorCodes.normalize(printed);
		entry = EditionRejected.indicator(position, sourceCode);
		if (!IndicatorCodes.isValid(sourceCode)) {
			throw new EditionRejected(entry, "code", "catalog.reason.indicator-code", printed);
		}
		only(indicator, INDICATOR, entry);
		String title = string(indicator, "title", entry, true);
		String printedTitle = string(indicator, "printedTitle", entry, false);
		List<String> requirements = strings(indicator, "requirements", entry);
		String evidence = string(indicator, "evidence", entry, true);
		List<String> evidenceKinds = strings(indicator, "evidenceKinds", entry);
		Set<String> distinctKinds = new LinkedHashSet<>();
		for (String kind : evidenceKinds) {
			if (!kindNames.contains(kind)) {
				throw new EditionRejected(entry, "evidenceKinds", "catalog.reason.unknown-kind", kind);
			}
			if (!distinctKinds.add(kind)) {
				throw new EditionRejected(entry, "evidenceKinds", "catalog.reason.duplicate-kind", kind);
			}
		}
		List<Target> targets = new ArrayList<>();
		for (Object t : list(indicator.getOrDefault("targets", List.of()), entry, "targets")) {
			targets.add(target(map(t, entry, "targets"), entry, targets.size() + 1));
		}
		List<Map<String, String>> flaws = new ArrayList<>();
		for (Object f : list(indicator.getOrDefault("flaws", List.of()), entry, "flaws")) {
			Map<String, Object> flaw = map(f, entry, "flaws");
			only(flaw, FLAW, entry);
			Map<String, String> copy = new LinkedHashMap<>();
			for (String key : List.of("field", "problem", "detail", "action")) {
				copy.put(key, string(flaw, key, entry, "flaws[" + (flaws.size() + 1) + "]." + key));
			}
			flaws.add(copy);
		}
		String note = string(indicator, "note", entry, false);
		BigDecimal weight = weight(indicator.get("weight"), entry);
		return new Draft(position, printed, sourceCode, title, printedTitle, requirements, evidence, evidenceKinds, targets, flaws, note, weight);
	}

	/** An indicator's weight in the overall score: a positive number up to 100, 1 when the file names none. */
	private static BigDecimal weight(Object raw, DefaultMessageSourceResolvable entry) {
		if (raw == null) {
			return BigDecimal.ONE;
		}
		BigDecimal weight;
		try {
			weight = raw instanceof Number || raw instanceof String ? new BigDecimal(raw.toString().strip()) : null;
		} catch (NumberFormatException e) {
			weight = null;
		}
		if (weight == null || weight.signum() <= 0 || weight.compareTo(MAX_WEIGHT) > 0) {
			throw new EditionRejected(entry, "weight", "catalog.reason.weight", raw);
		}
		return weight;
	}

	private static Target target(Map<String, Object> target, DefaultMessageSourceResolvable entry, int n) {
		String prefix = "targets[" + n + "].";
		only(target, TARGET, entry);
		String comparator = string(target, "comparator", entry, prefix + "comparator");
		if (!COMPARATORS.contains(comparator)) {
			throw new EditionRejected(entry, prefix + "comparator", "catalog.reason.comparator", comparator);
		}
		Object threshold = required(target, "threshold", entry, prefix + "threshold");
		if (!(threshold instanceof Number)) {
			throw new EditionRejected(entry, prefix + "threshold", "catalog.reason.number", threshold);
		}
		return new Target(
				string(target, "key", entry, prefix + "key"),
				string(target, "metric", entry, prefix + "metric"),
				comparator,
				new BigDecimal(threshold.toString()),
				target.get("unit") == null ? "" : target.get("unit").toString(),
				target.get("source") == null ? null : target.get("source").toString());
	}

	/** Gives every indicator a unique code and records what the source got wrong. */
	private static List<Indicator> number(List<Draft> drafts, List<Finding> findings) {
		Map<String, List<Draft>> bySource = new LinkedHashMap<>();
		drafts.forEach(d -> bySource.computeIfAbsent(d.sourceCode(), c -> new ArrayList<>()).add(d));
		List<Indicator> indicators = new ArrayList<>();
		for (Draft d : drafts) {
			List<Draft> sharing = bySource.get(d.sourceCode());
			String code = d.sourceCode();
			if (sharing.size() > 1) {
				code = d.sourceCode() + (char) ('a' + sharing.indexOf(d));
			}
			if (IndicatorCodes.isSplit(d.printedCode())) {
				findings.add(new Finding(code, "code", "split-code",
						message("catalog.finding.split-code.detail", d.printedCode().replace("\n", "⏎")),
						message("catalog.finding.split-code.action", d.sourceCode())));
			}
			if (sharing.size() > 1) {
				String titles = String.join("、", sharing.stream().map(Draft::title).toList());
				findings.add(new Finding(code, "code", "duplicate-code",
						message("catalog.finding.duplicate-code.detail", d.sourceCode(), sharing.size(), titles),
						message("catalog.finding.duplicate-code.action", code, d.title())));
			}
			if (d.printedTitle() != null && !d.printedTitle().equals(d.title())) {
				findings.add(new Finding(code, "title", "title-corrected",
						message("catalog.finding.title-corrected.detail", d.printedTitle()),
						message("catalog.finding.title-corrected.action", d.title())));
			}
			for (Map<String, String> flaw : d.flaws()) {
				findings.add(new Finding(code, flaw.get("field"), flaw.get("problem"), text(flaw.get("detail")), text(flaw.get("action"))));
			}
			indicators.add(new Indicator(0, code, d.sourceCode(), d.printedCode(), d.title(), d.printedTitle(), d.position(),
					d.requirements(), d.evidence(), d.evidenceKinds(), d.targets(), d.note(), d.weight()));
		}
		return indicators;
	}

	private static MessageSourceResolvable message(String key, Object... args) {
		return new DefaultMessageSourceResolvable(new String[] {key}, args);
	}

	private static MessageSourceResolvable text(String literal) {
		return new DefaultMessageSourceResolvable(null, null, literal);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value, DefaultMessageSourceResolvable entry, String field) {
		if (value instanceof Map<?, ?> map) {
			for (Object key : map.keySet()) {
				if (!(key instanceof String)) {
					throw new EditionRejected(entry, String.valueOf(key), "catalog.reason.unknown-field", key);
				}
			}
			return (Map<String, Object>) map;
		}
		throw new EditionRejected(entry, field, "catalog.reason.map");
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object value, DefaultMessageSourceResolvable entry, String field) {
		if (value instanceof List<?> list) {
			return (List<Object>) list;
		}
		throw new EditionRejected(entry, field, "catalog.reason.list");
	}

	private static List<String> strings(Map<String, Object> map, String field, DefaultMessageSourceResolvable entry) {
		List<Object> raw = list(required(map, field, entry), entry, field);
		if (raw.isEmpty()) {
			throw new EditionRejected(entry, field, "catalog.reason.empty");
		}
		List<String> strings = new ArrayList<>();
		for (Object item : raw) {
			if (item == null || item.toString().isBlank() || item instanceof Map || item instanceof List) {
				throw new EditionRejected(entry, field, "catalog.reason.text-items");
			}
			strings.add(item.toString().strip());
		}
		return strings;
	}

	private static void only(Map<String, Object> map, Set<String> allowed, DefaultMessageSourceResolvable entry) {
		for (String key : map.keySet()) {
			if (!allowed.contains(key)) {
				throw new EditionRejected(entry, key, "catalog.reason.unknown-field", key);
			}
		}
	}

	private static Object required(Map<String, Object> map, String key, DefaultMessageSourceResolvable entry) {
		return required(map, key, entry, key);
	}

	private static Object required(Map<String, Object> map, String key, DefaultMessageSourceResolvable entry, String field) {
		Object value = map.get(key);
		if (value == null) {
			throw new EditionRejected(entry, field, "catalog.reason.missing");
		}
		return value;
	}

	private static String string(Map<String, Object> map, String key, DefaultMessageSourceResolvable entry, boolean required) {
		if (!required && map.get(key) == null) {
			return null;
		}
		return string(map, key, entry, key);
	}

	private static String string(Map<String, Object> map, String key, DefaultMessageSourceResolvable entry, String field) {
		Object value = required(map, key, entry, field);
		if (value instanceof Map || value instanceof List || value.toString().isBlank()) {
			throw new EditionRejected(entry, field, "catalog.reason.text");
		}
		return value.toString().strip();
	}
}
