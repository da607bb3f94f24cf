package org.chuangwen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No module's SQL names another module's table (issue 14): what a module needs from another comes through that
 * module's published Java API or is kept on its own rows from events.
 *
 * <p>The owner of a table is the module whose code creates and writes it, kept as an explicit map below. A table in a
 * migration that the map does not assign fails this test, so a new module's tables get an owner the day they appear.
 * Foreign keys declared in the old migrations (V1–V7: {@code references org_unit}, {@code references material},
 * {@code references indicator}) stay: they guard integrity inside the one database and are not queries. From V8 on,
 * migrations add no cross-module foreign keys (checked below).
 *
 * <p>The scan reads every string literal and text block of a module's main sources and looks for a table name after
 * {@code from}, {@code join}, {@code into}, {@code update} or {@code table}, or a comma of a
 * {@code from} list, and for Spring Data's {@code @Table("…")}.
 */
class NoCrossModuleSqlTests {

	/** Table → owning module. Add a new table here when its migration lands. */
	static final Map<String, String> OWNERS = Map.ofEntries(
			Map.entry("org_unit", "orgs"),
			Map.entry("app_user", "orgs"),
			Map.entry("app_user_role", "orgs"),
			Map.entry("account_email", "orgs"),
			Map.entry("rectification_task", "tasks"),
			Map.entry("task_reminder", "tasks"),
			Map.entry("task_notice", "tasks"),
			Map.entry("password_history", "orgs"),
			Map.entry("audit_event", "audit"),
			Map.entry("audit_chain_head", "audit"),
			Map.entry("edition", "catalog"),
			Map.entry("indicator", "catalog"),
			Map.entry("material", "evidence"),
			Map.entry("material_file", "evidence"),
			Map.entry("material_indicator", "evidence"),
			Map.entry("material_change", "evidence"),
			Map.entry("photo_caption", "evidence"),
			Map.entry("readiness_counter", "readiness"),
			Map.entry("readiness_snapshot", "readiness"),
			Map.entry("target_declaration", "targets"),
			Map.entry("facility_record", "targets"),
			Map.entry("plan_task_status", "targets"),
			Map.entry("archive_item", "archive"),
			Map.entry("archive_box", "archive"),
			Map.entry("archive_item_retired", "archive"),
			Map.entry("export_job", "archive"),
			Map.entry("activity_category", "activities"),
			Map.entry("activity", "activities"),
			Map.entry("activity_indicator", "activities"),
			Map.entry("activity_building", "activities"),
			Map.entry("activity_stage", "activities"),
			Map.entry("activity_change", "activities"),
			Map.entry("activity_participant", "activities"),
			Map.entry("issued_plan", "activities"),
			Map.entry("issued_plan_target", "activities"),
			Map.entry("issued_plan_reminder", "activities"),
			Map.entry("care_group", "people"),
			Map.entry("resident", "people"),
			Map.entry("resident_history", "people"),
			Map.entry("resident_care_group", "people"),
			Map.entry("resident_import", "people"),
			Map.entry("resident_import_row", "people"),
			Map.entry("public_good_category", "people"),
			Map.entry("public_good_activity", "people"),
			Map.entry("public_good_attendance", "people"),
			Map.entry("volunteer_team", "volunteers"),
			Map.entry("volunteer_number", "volunteers"),
			Map.entry("volunteer", "volunteers"),
			Map.entry("service_record", "volunteers"),
			Map.entry("service_record_correction", "volunteers"),
			Map.entry("volunteer_note", "volunteers"),
			Map.entry("volunteer_certificate", "volunteers"),
			Map.entry("moral_account", "moralbank"),
			Map.entry("moral_reward", "moralbank"),
			Map.entry("moral_posting", "moralbank"),
			Map.entry("moral_hours_seen", "moralbank"),
			Map.entry("moral_application", "moralbank"),
			Map.entry("courtyard_standard", "courtyards"),
			Map.entry("courtyard_item", "courtyards"),
			Map.entry("courtyard_inspection", "courtyards"),
			Map.entry("courtyard_mark", "courtyards"),
			Map.entry("courtyard_photo", "courtyards"),
			Map.entry("courtyard_keeper", "courtyards"),
			Map.entry("courtyard_award", "courtyards"),
			Map.entry("courtyard_award_revocation", "courtyards"),
			Map.entry("survey", "surveys"),
			Map.entry("survey_question", "surveys"),
			Map.entry("survey_option", "surveys"),
			Map.entry("survey_response", "surveys"),
			Map.entry("survey_answer", "surveys"),
			Map.entry("donation", "donations"),
			Map.entry("donation_change", "donations"),
			Map.entry("election", "elections"),
			Map.entry("election_voter", "elections"),
			Map.entry("election_voter_change", "elections"),
			Map.entry("election_material", "elections"),
			Map.entry("joint_meeting", "elections"),
			Map.entry("inspection_fingerprint", "inspection"),
			Map.entry("inspection_doubt_note", "inspection"),
			Map.entry("inspection_grade", "inspection"),
			Map.entry("inspection_sample", "inspection"),
			Map.entry("inspection_sample_item", "inspection"),
			Map.entry("inspection_check", "inspection"),
			Map.entry("register_schema", "registers"),
			Map.entry("register_schema_version", "registers"),
			Map.entry("register_row", "registers"),
			Map.entry("register_row_history", "registers"),
			Map.entry("register_import", "registers"),
			Map.entry("register_import_row", "registers"),
			Map.entry("household", "people"),
			Map.entry("family_criterion", "families"),
			Map.entry("family_nomination", "families"),
			Map.entry("family_review", "families"),
			Map.entry("family_review_item", "families"),
			Map.entry("family_award", "families"),
			Map.entry("family_change", "families"));

	private static final Path MAIN = Path.of("src", "main", "java", "org", "chuangwen");
	private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db");
	private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?\"?(\\w+)\"?");
	private static final int FIRST_WITHOUT_CROSS_MODULE_KEYS = 8;
	private static final Pattern VERSION = Pattern.compile("^V(\\d+)");
	private static final Pattern TABLE_OF_STATEMENT = Pattern.compile("(?i)\\b(?:create|alter)\\s+table\\s+(?:if\\s+(?:not\\s+)?exists\\s+)?\"?(\\w+)\"?");
	private static final Pattern REFERENCES = Pattern.compile("(?i)\\breferences\\s+\"?(\\w+)\"?");
	private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\(\\s*(?:value\\s*=\\s*|name\\s*=\\s*)?\"(\\w+)\"");

	@Test
	void everyTableInTheMigrationsHasAnOwner() throws IOException {
		TreeSet<String> unassigned = new TreeSet<>(tablesCreatedByMigrations());
		unassigned.removeAll(OWNERS.keySet());
		assertThat(unassigned)
				.as("tables created in src/main/resources/db without an owning module: add each to NoCrossModuleSqlTests.OWNERS "
						+ "with the module whose code writes it")
				.isEmpty();
	}

	/**
	 * The foreign keys of V1–V7 across modules stay (see the class comment); from V8 on a table references only tables
	 * of its own module, so no module's schema grows into another's.
	 */
	@Test
	void newMigrationsDeclareNoForeignKeyIntoAnotherModule() throws IOException {
		List<String> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
				Matcher version = VERSION.matcher(file.getFileName().toString());
				if (version.find() && Integer.parseInt(version.group(1)) >= FIRST_WITHOUT_CROSS_MODULE_KEYS) {
					foreignKeys(Files.readString(file, StandardCharsets.UTF_8)).forEach(v -> violations.add(file.getFileName() + ": " + v));
				}
			}
		}
		assertThat(violations)
				.as("a foreign key from one module's table into another's: keep the id as a plain column and ask the owner's API")
				.isEmpty();
	}

	@Test
	void theForeignKeyCheckFindsAKeyIntoAnotherModule() {
		assertThat(foreignKeys("""
				create table volunteer_hours (
				    id bigint generated by default as identity primary key,
				    org_unit_id bigint not null references org_unit (id),
				    activity_id bigint not null
				);
				alter table archive_item add constraint x foreign key (material_id) references material (id);
				create table activity_note (activity_id bigint references activity (id));
				""")).containsExactly("archive_item (archive) references material (evidence)");
	}

	@Test
	void noModuleNamesAnotherModulesTableInItsSql() throws IOException {
		List<String> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				Path relative = MAIN.relativize(file);
				if (relative.getNameCount() < 2) {
					continue; // the application class in the root package holds no SQL
				}
				String module = relative.getName(0).toString();
				for (String reference : foreignTables(module, Files.readString(file, StandardCharsets.UTF_8))) {
					violations.add(relative + ": " + reference);
				}
			}
		}
		assertThat(violations)
				.as("SQL naming another module's table: ask the owner's published API (batch by id set) or keep what is "
						+ "needed on the module's own rows from the owner's events")
				.isEmpty();
	}

	/** The scan must be able to fail: fabricated sources with each way of reaching into another module. */
	@Test
	void theScanFindsReachThroughInFabricatedSources() {
		assertThat(foreignTables("activities", """
				class Rows {
					static final String SELECT = \"""
							select a.*, u.name from activity a
							join org_unit u on u.id = a.org_unit_id\""";
					void live() { jdbc.sql("select s.material_id from activity_stage s where exists (select 1 from material m)"); }
				}
				""")).containsExactly("org_unit (orgs) after 'join'", "material (evidence) after 'from'");
		assertThat(foreignTables("archive", "class J { String q = \"update readiness_counter set n = 1\"; }"))
				.containsExactly("readiness_counter (readiness) after 'update'");
		assertThat(foreignTables("evidence", "class L { String q = \"select * from material m, org_unit u\"; }"))
				.containsExactly("org_unit (orgs) after ','");
		assertThat(foreignTables("readiness", "@Table(\"material\") record M(long id) {}"))
				.containsExactly("material (evidence) in @Table");
	}

	/** What the scan must leave alone: own tables, comments, message keys and words that merely look like tables. */
	@Test
	void theScanIgnoresOwnTablesCommentsAndPlainWords() {
		assertThat(foreignTables("evidence", """
				// reads from org_unit once: gone
				/* join material_indicator mi */
				class Ok {
					String own = "select * from material m join material_indicator mi on mi.material = m.id";
					String key = "error.material.title";
					String prose = "材料 from activity"; // a keyword before a foreign table counts even in prose: better loud than blind
				}
				""")).containsExactly("activity (activities) after 'from'");
		assertThat(foreignTables("activities", "class K { String key = \"error.material.unit\"; char c = '\"'; String s = \"join\"; }"))
				.isEmpty();
	}

	/** Keys from a table of one module into a table of another; tables without an owner yet are left to the owner check. */
	static List<String> foreignKeys(String sql) {
		List<String> found = new ArrayList<>();
		for (String statement : sql.split(";")) {
			Matcher table = TABLE_OF_STATEMENT.matcher(statement);
			if (!table.find()) {
				continue;
			}
			String owner = OWNERS.get(table.group(1).toLowerCase());
			Matcher reference = REFERENCES.matcher(statement);
			while (reference.find()) {
				String target = OWNERS.get(reference.group(1).toLowerCase());
				if (owner != null && target != null && !owner.equals(target)) {
					found.add(table.group(1).toLowerCase() + " (" + owner + ") references " + reference.group(1).toLowerCase() + " (" + target + ")");
				}
			}
		}
		return found;
	}

	static List<String> foreignTables(String module, String source) {
		List<String> found = new ArrayList<>();
		Matcher annotation = TABLE_ANNOTATION.matcher(source);
		while (annotation.find()) {
			String owner = OWNERS.get(annotation.group(1).toLowerCase());
			if (owner != null && !owner.equals(module)) {
				found.add(annotation.group(1) + " (" + owner + ") in @Table");
			}
		}
		for (String literal : JavaStrings.of(source)) {
			Matcher sql = SqlReferences.PATTERN.matcher(literal);
			while (sql.find()) {
				String table = sql.group(2).toLowerCase();
				String owner = OWNERS.get(table);
				if (owner != null && !owner.equals(module)) {
					found.add(table + " (" + owner + ") after '" + sql.group(1).toLowerCase() + "'");
				}
			}
		}
		return found;
	}

	private static List<String> tablesCreatedByMigrations() throws IOException {
		List<String> tables = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
				Matcher m = CREATE_TABLE.matcher(Files.readString(file, StandardCharsets.UTF_8));
				while (m.find()) {
					tables.add(m.group(1).toLowerCase());
				}
			}
		}
		return tables;
	}

	/** A table named where SQL names tables: after a keyword, or after a comma in a list such as {@code from a, b}. */
	private static final class SqlReferences {

		static final Pattern PATTERN = Pattern.compile(
				"(?i)((?<![\\w.])(?:from|join|into|update|table)|,)\\s+(?:only\\s+)?(?:\\w+\\.)?\"?(\\w+)\"?(?![\\w.(])");
	}

	/** The string literals and text blocks of a Java source, comments and character literals skipped. */
	static final class JavaStrings {

		static List<String> of(String source) {
			List<String> literals = new ArrayList<>();
			int i = 0;
			int n = source.length();
			while (i < n) {
				char c = source.charAt(i);
				if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
					int end = source.indexOf('\n', i);
					i = end < 0 ? n : end + 1;
				} else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
					int end = source.indexOf("*/", i + 2);
					i = end < 0 ? n : end + 2;
				} else if (c == '\'') {
					i = skipQuoted(source, i, '\'');
				} else if (source.startsWith("\"\"\"", i)) {
					int start = source.indexOf('\n', i) + 1;
					int end = start;
					while (true) {
						end = source.indexOf("\"\"\"", end);
						if (end < 0 || source.charAt(end - 1) != '\\') {
							break;
						}
						end++;
					}
					end = end < 0 ? n : end;
					literals.add(source.substring(start, end));
					i = Math.min(n, end + 3);
				} else if (c == '"') {
					int end = skipQuoted(source, i, '"');
					literals.add(source.substring(i + 1, Math.max(i + 1, end - 1)));
					i = end;
				} else {
					i++;
				}
			}
			return literals;
		}

		/** The index after the closing quote of the literal that opens at {@code open}. */
		private static int skipQuoted(String source, int open, char quote) {
			int i = open + 1;
			while (i < source.length()) {
				char c = source.charAt(i);
				if (c == '\\') {
					i += 2;
				} else if (c == quote || c == '\n') {
					return i + 1;
				} else {
					i++;
				}
			}
			return i;
		}
	}
}
