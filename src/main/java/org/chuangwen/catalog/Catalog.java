package org.chuangwen.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chuangwen.audit.AuditLog;
import org.chuangwen.platform.UserFacingException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation system in force. Editions are stored with their source text; the active one is parsed once
 * and cached until another edition becomes active (checked on each call, so every instance follows).
 */
@Service
public class Catalog {

	static final long MAX_FILE = 2 * 1024 * 1024;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditLog audit;
	private volatile Edition cached;

	Catalog(JdbcClient jdbc, Clock clock, AuditLog audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/**
	 * The edition in force.
	 *
	 * @throws IllegalStateException before the first edition is imported
	 */
	public Edition active() {
		long activeId = jdbc.sql("select id from edition where active = true")
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new IllegalStateException("no edition is active"));
		Edition current = cached;
		if (current == null || current.id() != activeId) {
			current = load(activeId);
			cached = current;
		}
		return current;
	}

	public boolean hasEdition() {
		return jdbc.sql("select count(*) from edition").query(Long.class).single() > 0;
	}

	public List<Indicator> indicators() {
		return active().indicators();
	}

	/** The indicator of the active edition with this code, read the way people type it (III-17, Ⅲ-52A …). */
	public Optional<Indicator> find(String code) {
		String normalized = IndicatorCodes.normalize(code);
		return indicators().stream().filter(i -> i.code().equals(normalized)).findFirst();
	}

	public Optional<Indicator> find(long id) {
		return active().indicator(id);
	}

	/**
	 * Like {@link #find(String)}, but a code the source used twice (Ⅲ-52) or an unknown code is refused with a
	 * message that says which codes to use.
	 */
	public Indicator resolve(String code) {
		return find(code).orElseThrow(() -> {
			String normalized = IndicatorCodes.normalize(code);
			List<Indicator> sharing = indicators().stream().filter(i -> i.sourceCode().equals(normalized)).toList();
			if (sharing.size() > 1) {
				String choices = String.join("、", sharing.stream().map(Indicator::label).toList());
				return UserFacingException.badRequest("ambiguous_indicator", "error.indicator.ambiguous", normalized, choices);
			}
			return UserFacingException.badRequest("unknown_indicator", "error.indicator.unknown", code);
		});
	}

	/** Resolves several codes, keeping their order and dropping repeats; at least one is required. */
	public List<Indicator> resolveAll(Collection<String> codes) {
		if (codes == null || codes.isEmpty()) {
			throw UserFacingException.badRequest("missing_indicator", "error.indicator.none");
		}
		List<Indicator> resolved = new ArrayList<>();
		for (String code : new LinkedHashSet<>(codes)) {
			Indicator indicator = resolve(code);
			if (!resolved.contains(indicator)) {
				resolved.add(indicator);
			}
		}
		return resolved;
	}

	List<EditionSummary> editions() {
		return jdbc.sql("""
				select e.id, e.code, e.name, e.active, e.imported_at, e.imported_by, e.file_name,
				       (select count(*) from indicator i where i.edition_id = e.id) as indicators
				from edition e order by e.imported_at desc, e.id desc""")
				.query((rs, n) -> new EditionSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						rs.getBoolean("active"), rs.getTimestamp("imported_at").toInstant(), rs.getString("imported_by"),
						rs.getString("file_name"), rs.getInt("indicators")))
				.list();
	}

	/**
	 * An edition file as an administrator uploads it: refused before anything is read when it is missing or over
	 * {@value #MAX_FILE} bytes, refused when it is not UTF-8, otherwise imported as {@link #importEdition}.
	 */
	Edition importUpload(String fileName, long size, InputStreamSource content, String actor) throws IOException {
		if (content == null || size <= 0) {
			throw UserFacingException.badRequest("missing_file", "error.edition.no-file");
		}
		if (size > MAX_FILE) {
			throw UserFacingException.badRequest("file_too_large", "error.edition.too-large", MAX_FILE / 1024 / 1024);
		}
		String text;
		try (InputStream in = content.getInputStream()) {
			text = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(in.readAllBytes()))
					.toString();
		} catch (CharacterCodingException e) {
			throw UserFacingException.badRequest("invalid_encoding", "error.edition.encoding");
		}
		return importEdition(fileName, text, actor);
	}

	/**
	 * Checks an edition file and, when it is sound, stores it and puts it in force. A file with an error is
	 * refused with {@link EditionRejected} and changes nothing; the same edition code cannot be imported twice.
	 */
	@Transactional
	Edition importEdition(String fileName, String text, String actor) {
		EditionParser.Parsed parsed = EditionParser.parse(text);
		boolean exists = jdbc.sql("select count(*) from edition where code = :code").param("code", parsed.code()).query(Long.class).single() > 0;
		if (exists) {
			throw UserFacingException.conflict("duplicate_edition", "error.edition.duplicate", parsed.code());
		}
		Instant now = Instant.now(clock);
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into edition (code, name, active, imported_at, imported_by, file_name, source_text)
				values (:code, :name, false, :at, :by, :file, :text)""")
				.param("code", parsed.code())
				.param("name", parsed.name())
				.param("at", Timestamp.from(now))
				.param("by", actor)
				.param("file", fileName)
				.param("text", text)
				.update(key, "id");
		long editionId = key.getKey().longValue();
		for (Indicator indicator : parsed.indicators()) {
			jdbc.sql("insert into indicator (edition_id, code, title, sort) values (:edition, :code, :title, :sort)")
					.param("edition", editionId)
					.param("code", indicator.code())
					.param("title", indicator.title())
					.param("sort", indicator.sort())
					.update();
		}
		jdbc.sql("update edition set active = (id = :id)").param("id", editionId).update();
		audit.recordAs(actor, "EDITION_IMPORTED", "edition", parsed.code(), null,
				parsed.indicators().size() + " indicators, " + parsed.findings().size() + " findings, file " + fileName);
		Edition edition = load(editionId);
		cached = edition;
		return edition;
	}

	/** Puts an earlier edition back in force (e.g. after importing the wrong file). */
	@Transactional
	Edition activate(String code, String actor) {
		Long id = jdbc.sql("select id from edition where code = :code").param("code", code).query(Long.class).optional()
				.orElseThrow(() -> UserFacingException.notFound("error.edition.not-found", code));
		jdbc.sql("update edition set active = (id = :id)").param("id", id).update();
		audit.recordAs(actor, "EDITION_ACTIVATED", "edition", code, null, null);
		Edition edition = load(id);
		cached = edition;
		return edition;
	}

	private Edition load(long editionId) {
		record Row(String text, Instant at, String by, String file) {}
		Row row = jdbc.sql("select source_text, imported_at, imported_by, file_name from edition where id = :id")
				.param("id", editionId)
				.query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
				.single();
		Map<String, Long> ids = new HashMap<>();
		jdbc.sql("select code, id from indicator where edition_id = :id")
				.param("id", editionId)
				.query(rs -> {
					ids.put(rs.getString(1), rs.getLong(2));
				});
		return EditionParser.parse(row.text()).toEdition(editionId, ids, row.at(), row.by(), row.file());
	}
}
