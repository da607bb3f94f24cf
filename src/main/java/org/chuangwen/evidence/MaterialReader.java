package org.chuangwen.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The read side of materials: rows with their files and indicator codes, in few queries. */
@Component
class MaterialReader {

	static final ZoneId SHANGHAI = Zones.SHANGHAI;

	private static final String COLUMNS = """
			select m.id, m.title, m.kind, m.date_formed, m.responsible_party, m.document_number, m.org_unit_id,
			       m.uploaded_by, m.uploaded_at, m.deleted_at
			""";

	private final JdbcClient jdbc;
	private final Catalog catalog;
	private final Orgs orgs;
	private final EvidenceProperties properties;

	MaterialReader(JdbcClient jdbc, Catalog catalog, Orgs orgs, EvidenceProperties properties) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.orgs = orgs;
		this.properties = properties;
	}

	/** One page of a search under {@code scopePath}, newest uploads first, with the total count. */
	SearchResult search(MaterialQuery query, String scopePath, String unitPath, Long indicatorId) {
		StringBuilder where = new StringBuilder(" from material m where m.org_path like :scope");
		Map<String, Object> params = new HashMap<>();
		params.put("scope", scopePath + "%");
		where.append(query.recycled() ? " and m.deleted_at is not null" : " and m.deleted_at is null");
		if (unitPath != null) {
			where.append(" and m.org_path like :unit");
			params.put("unit", unitPath + "%");
		}
		if (indicatorId != null) {
			where.append(" and exists (select 1 from material_indicator mi where mi.material = m.id and mi.indicator_id = :indicator)");
			params.put("indicator", indicatorId);
		}
		if (query.kind() != null && !query.kind().isBlank()) {
			where.append(" and m.kind = :kind");
			params.put("kind", query.kind());
		}
		if (query.year() != null) {
			where.append(" and m.date_formed >= :from and m.date_formed < :to");
			params.put("from", LocalDate.of(query.year(), 1, 1));
			params.put("to", LocalDate.of(query.year() + 1, 1, 1));
		}
		if (query.keyword() != null && !query.keyword().isBlank()) {
			where.append(" and lower(m.title) like :keyword escape '\\'");
			params.put("keyword", "%" + escapeLike(query.keyword().strip().toLowerCase()) + "%");
		}
		long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
		params.put("offset", (long) query.page() * query.size());
		params.put("limit", query.size());
		List<MaterialRow> rows = rows(jdbc.sql(COLUMNS + where + " order by m.uploaded_at desc, m.id desc offset :offset rows fetch next :limit rows only")
				.params(params));
		return new SearchResult(rows, total);
	}

	record SearchResult(List<MaterialRow> rows, long total) {}

	/** Live materials of one indicator under a unit, by kind, date formed and id. */
	List<MaterialRow> inBox(String unitPath, long indicatorId) {
		return rows(jdbc.sql(COLUMNS + """
				from material m
				join material_indicator mi on mi.material = m.id
				where mi.indicator_id = :indicator and m.org_path like :unit and m.deleted_at is null
				order by m.date_formed, m.id""")
				.param("indicator", indicatorId)
				.param("unit", unitPath + "%"));
	}

	MaterialRow row(long id) {
		List<MaterialRow> rows = rows(jdbc.sql(COLUMNS + " from material m where m.id = :id").param("id", id));
		return rows.isEmpty() ? null : rows.get(0);
	}

	Set<Long> live(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select id from material where id in (:ids) and deleted_at is null").param("ids", ids).query(Long.class).list());
	}

	private List<MaterialRow> rows(JdbcClient.StatementSpec statement) {
		record Head(long id, String title, String kind, LocalDate formed, String party, String number, long unitId, String by, Instant at,
				Instant deleted) {}
		List<Head> heads = statement.query((rs, n) -> new Head(rs.getLong("id"), rs.getString("title"), rs.getString("kind"),
				rs.getObject("date_formed", LocalDate.class), rs.getString("responsible_party"), rs.getString("document_number"),
				rs.getLong("org_unit_id"), rs.getString("uploaded_by"), instant(rs, "uploaded_at"), instant(rs, "deleted_at")))
				.list();
		if (heads.isEmpty()) {
			return List.of();
		}
		List<Long> ids = heads.stream().map(Head::id).toList();
		Map<Long, List<FileInfo>> files = files(ids);
		Map<Long, List<String>> codes = indicatorCodes(ids);
		// unit names come from the org tree's API (one query for the page), not from a join on orgs' table
		Map<Long, OrgUnit> units = orgs.units(heads.stream().map(Head::unitId).toList());
		List<MaterialRow> rows = new ArrayList<>(heads.size());
		for (Head h : heads) {
			rows.add(new MaterialRow(h.id(), h.title(), h.kind(), h.formed(), h.party(), h.number(), h.unitId(), unitName(units, h.unitId()), h.by(), h.at(),
					h.deleted(), files.getOrDefault(h.id(), List.of()), codes.getOrDefault(h.id(), List.of()), lateDays(h.formed(), h.at())));
		}
		return rows;
	}

	private static String unitName(Map<Long, OrgUnit> units, long id) {
		OrgUnit unit = units.get(id);
		return unit == null ? null : unit.name();
	}

	/**
	 * Days between forming and uploading when more than the configured allowance, otherwise 0; always 0 for what was
	 * formed before {@code late-marked-from} (see {@link EvidenceProperties}).
	 */
	long lateDays(LocalDate formed, Instant uploadedAt) {
		if (properties.lateMarkedFrom() != null && formed.isBefore(properties.lateMarkedFrom())) {
			return 0;
		}
		LocalDate uploaded = uploadedAt.atZone(SHANGHAI).toLocalDate();
		return uploaded.isAfter(formed.plus(properties.lateAfter())) ? ChronoUnit.DAYS.between(formed, uploaded) : 0;
	}

	private Map<Long, List<FileInfo>> files(Collection<Long> ids) {
		Map<Long, List<FileInfo>> files = new LinkedHashMap<>();
		jdbc.sql("""
				select f.material, f.idx, f.name, f.content_type, f.size, f.sha256, f.taken_at, f.pages,
				       c.title as c_title, c.taken_at as c_taken_at, c.place as c_place, c.people as c_people, c.photographer as c_photographer
				from material_file f left join photo_caption c on c.material = f.material and c.idx = f.idx
				where f.material in (:ids) order by f.material, f.idx""")
				.param("ids", ids)
				.query(rs -> {
					PhotoCaption caption = new PhotoCaption(rs.getString("c_title"), localTime(rs, "c_taken_at"), rs.getString("c_place"),
							rs.getString("c_people"), rs.getString("c_photographer"));
					files.computeIfAbsent(rs.getLong("material"), k -> new ArrayList<>())
							.add(new FileInfo(rs.getInt("idx"), StoredNames.matching(rs.getString("name"), rs.getString("content_type")), rs.getString("content_type"), rs.getLong("size"),
									rs.getString("sha256"), localTime(rs, "taken_at"), (Integer) rs.getObject("pages", Integer.class), caption));
				});
		return files;
	}

	private Map<Long, List<String>> indicatorCodes(Collection<Long> ids) {
		Map<Long, List<Indicator>> indicators = new HashMap<>();
		jdbc.sql("select material, indicator_id from material_indicator where material in (:ids)")
				.param("ids", ids)
				.query(rs -> {
					long material = rs.getLong("material");
					catalog.find(rs.getLong("indicator_id")).ifPresent(indicator ->
							indicators.computeIfAbsent(material, k -> new ArrayList<>()).add(indicator));
				});
		Map<Long, List<String>> codes = new HashMap<>();
		indicators.forEach((id, list) -> codes.put(id,
				list.stream().sorted(java.util.Comparator.comparingInt(Indicator::sort)).map(Indicator::code).toList()));
		return codes;
	}

	private static LocalDateTime localTime(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toLocalDateTime();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
