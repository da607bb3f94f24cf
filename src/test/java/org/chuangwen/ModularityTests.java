package org.chuangwen;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;

/**
 * Verifies every module (no cycles, only published types used across modules) and writes their documentation into
 * {@code docs/modules/}: the C4 component diagram of all modules ({@code components.puml}), one diagram and one
 * canvas per module ({@code module-<name>.puml}, {@code module-<name>.adoc}), the aggregate {@code all-docs.adoc}, and
 * {@code modules.md}, the table the README's module table is taken from. The files are committed; running this class
 * regenerates them (see the README).
 */
class ModularityTests {

	static final Path DOCS = Path.of("docs", "modules");
	private static final Path MAIN = Path.of("src", "main", "java", "org", "chuangwen");

	private final ApplicationModules modules = ApplicationModules.of(Chuangwen.class);

	@Test
	void modulesOnlyUseEachOthersPublicTypesAndFormNoCycles() {
		modules.verify();
	}

	/** Every top-level package is a module Modulith sees and verifies, and says in its package-info what it is for. */
	@Test
	void everyTopLevelPackageIsAVerifiedModuleWithADescription() throws IOException {
		List<String> packages;
		try (Stream<Path> children = Files.list(MAIN)) {
			packages = children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
		}
		assertThat(identifiers()).containsExactlyInAnyOrderElementsOf(packages)
				.contains("platform", "orgs", "audit", "catalog", "evidence", "readiness", "archive", "activities", "demo", "backup");
		for (String module : packages) {
			assertThat(description(module)).as("a one-sentence Javadoc in %s/package-info.java (it feeds docs/modules)", module).isNotBlank();
		}
	}

	@Test
	void writesModuleDocumentationForEveryModule() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
				.writeDocumentation(DiagramOptions.defaults().withStyle(DiagramStyle.C4), Documenter.CanvasOptions.defaults());
		Files.writeString(DOCS.resolve("modules.md"), table(), StandardCharsets.UTF_8);
		sortLists();

		assertThat(DOCS.resolve("components.puml")).content().contains("!include <C4/C4_Component>");
		assertThat(DOCS.resolve("all-docs.adoc")).exists();
		for (String module : identifiers()) {
			assertThat(DOCS.resolve("module-" + module + ".puml")).exists();
			assertThat(DOCS.resolve("module-" + module + ".adoc")).exists();
			assertThat(DOCS.resolve("modules.md")).content().contains("| `" + module + "` |");
		}
	}

	/**
	 * The diagrams list their relations, and the canvases some of their lists, in an order that changes from run to
	 * run; sorted, a regeneration without a change in the code leaves the committed files as they are. Neither
	 * PlantUML nor Asciidoc cares about that order.
	 */
	private static void sortLists() throws IOException {
		List<Path> generated;
		try (Stream<Path> files = Files.list(DOCS)) {
			generated = files.filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc")).toList();
		}
		for (Path file : generated) {
			List<String> lines = new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n", -1)));
			// the relations of a diagram, wherever they stand
			sortAt(lines, java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith("Rel(")).boxed().toList());
			// a canvas cell listing one-line items: "|* first" then "* next" lines up to the next cell
			for (int i = 0; i < lines.size(); i++) {
				if (!lines.get(i).startsWith("|* ")) {
					continue;
				}
				int end = i + 1;
				while (end < lines.size() && lines.get(end).startsWith("* ")) {
					end++;
				}
				if (end < lines.size() && lines.get(end).startsWith("|")) {
					lines.set(i, lines.get(i).substring(1));
					sortAt(lines, java.util.stream.IntStream.range(i, end).boxed().toList());
					lines.set(i, "|" + lines.get(i));
				}
				i = end - 1;
			}
			Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
		}
	}

	private static void sortAt(List<String> lines, List<Integer> at) {
		List<String> sorted = at.stream().map(lines::get).sorted().toList();
		for (int i = 0; i < at.size(); i++) {
			lines.set(at.get(i), sorted.get(i));
		}
	}

	private List<String> identifiers() {
		return modules.stream().map(m -> m.getIdentifier().toString()).sorted().toList();
	}

	/**
	 * One row per module in dependency order: what it is for (its package-info), what it publishes (the public types
	 * of its root package, its events that others listen to) and which modules it depends on and listens to.
	 */
	private String table() throws IOException {
		StringBuilder md = new StringBuilder("""
				# Modules

				Generated by `ModularityTests` from the code (do not edit; rerun the test). Published types are the public types
				of the module's root package; its events are those another module listens to; dependencies are the modules its
				code refers to directly.

				| module | what it is for | publishes | its events others listen to | depends on | listens to |
				|---|---|---|---|---|---|
				""");
		List<ApplicationModule> ordered = new ArrayList<>(modules.stream().toList());
		ordered.sort(Comparator.comparingLong((ApplicationModule m) -> m.getAllDependencies(modules).uniqueModules().count())
				.thenComparing(m -> m.getIdentifier().toString()));
		for (ApplicationModule module : ordered) {
			String id = module.getIdentifier().toString();
			List<String> published = module.getNamedInterfaces().getUnnamedInterface().asJavaClasses()
					.filter(type -> !type.getSimpleName().equals("package-info") && type.getEnclosingClass().isEmpty())
					.map(JavaClass::getSimpleName).sorted().toList();
			md.append("| `").append(id).append("` | ")
					.append(description(id).replace("|", "\\|"))
					.append(" | ").append(published.size()).append(": ").append(String.join(", ", published))
					.append(" | ").append(names(modules.stream().flatMap(other -> other.getEventsListenedTo(modules).stream()).filter(module::contains)))
					.append(" | ").append(module.getDirectDependencies(modules).uniqueModules()
							.map(m -> "`" + m.getIdentifier() + "`").sorted().collect(Collectors.joining(", ")))
					.append(" | ").append(names(module.getEventsListenedTo(modules).stream()))
					.append(" |\n");
		}
		return md.toString();
	}

	private static String names(Stream<JavaClass> types) {
		return types.map(JavaClass::getSimpleName).distinct().sorted().collect(Collectors.joining(", "));
	}

	private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

	/** The package-info Javadoc as one line, {@code {@code x}} shown as code. */
	static String description(String module) throws IOException {
		Path info = MAIN.resolve(module).resolve("package-info.java");
		if (!Files.exists(info)) {
			return "";
		}
		Matcher javadoc = JAVADOC.matcher(Files.readString(info, StandardCharsets.UTF_8));
		if (!javadoc.find()) {
			return "";
		}
		return javadoc.group(1).lines().map(line -> line.strip().replaceFirst("^\\*\\s?", "")).collect(Collectors.joining(" "))
				.replaceAll("\\{@(?:code|link) ([^}]*)}", "`$1`").replaceAll("\\s+", " ").strip();
	}
}
