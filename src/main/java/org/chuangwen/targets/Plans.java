package org.chuangwen.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The seed's plans (年度计划, 十一五/十二五规划) as entered in {@code targets/plans.yaml}: documents with their targets and
 * tasks, each cited by section, line and the phrase as printed. Read once at start; a broken file stops the start,
 * because a registry that silently lost a plan would report fewer gaps than there are.
 */
@Component
class Plans {

	static final String RESOURCE = "targets/plans.yaml";

	/** Where a target or task stands in the seed. */
	record Provenance(String document, String section, Integer line, String phrase) {}

	record PlanTarget(String key, String measure, String metric, String comparator, BigDecimal threshold, String unit, String period,
			String definition, Provenance provenance) {}

	record PlanTask(String key, String documentCode, String text, Provenance provenance) {}

	record Document(String code, String title, String part, String period, int line, List<PlanTarget> targets, List<PlanTask> tasks) {}

	private final String source;
	private final Map<String, Integer> catalogLines;
	private final List<Document> documents;

	Plans() {
		this(new ClassPathResource(RESOURCE));
	}

	@SuppressWarnings("unchecked")
	Plans(ClassPathResource resource) {
		Map<String, Object> root;
		try (InputStream in = resource.getInputStream()) {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		source = (String) root.get("source");
		catalogLines = Map.copyOf((Map<String, Integer>) root.getOrDefault("catalogLines", Map.of()));
		List<Document> read = new ArrayList<>();
		for (Map<String, Object> d : (List<Map<String, Object>>) root.get("documents")) {
			String code = required(d, "code");
			String title = required(d, "title");
			String period = String.valueOf(d.get("period"));
			String document = d.get("part") + " " + title;
			List<PlanTarget> targets = new ArrayList<>();
			for (Map<String, Object> t : (List<Map<String, Object>>) d.getOrDefault("targets", List.of())) {
				String key = required(t, "key");
				targets.add(new PlanTarget(key, t.get("measure") == null ? key : (String) t.get("measure"), required(t, "metric"), required(t, "comparator"),
						new BigDecimal(String.valueOf(t.get("threshold"))), required(t, "unit"), period, (String) t.get("definition"),
						new Provenance(document, required(t, "section"), (Integer) t.get("line"), required(t, "phrase"))));
			}
			List<PlanTask> tasks = new ArrayList<>();
			for (Map<String, Object> t : (List<Map<String, Object>>) d.getOrDefault("tasks", List.of())) {
				tasks.add(new PlanTask(required(t, "key"), code, required(t, "text"),
						new Provenance(document, required(t, "section"), (Integer) t.get("line"), required(t, "text"))));
			}
			read.add(new Document(code, title, (String) d.get("part"), period, (Integer) d.get("line"), List.copyOf(targets), List.copyOf(tasks)));
		}
		documents = List.copyOf(read);
	}

	private static String required(Map<String, Object> entry, String field) {
		Object value = entry.get(field);
		if (value == null || String.valueOf(value).isBlank()) {
			throw new IllegalStateException(RESOURCE + ": an entry without " + field + ": " + entry);
		}
		return String.valueOf(value);
	}

	/** The seed file the line numbers refer to. */
	String source() {
		return source;
	}

	List<Document> documents() {
		return documents;
	}

	List<PlanTarget> targets() {
		return documents.stream().flatMap(d -> d.targets().stream()).toList();
	}

	Optional<PlanTask> task(String key) {
		return documents.stream().flatMap(d -> d.tasks().stream()).filter(t -> t.key().equals(key)).findFirst();
	}

	/** The seed line of a catalog target (第五篇), when entered. */
	Integer catalogLine(String key) {
		return catalogLines.get(key);
	}
}
