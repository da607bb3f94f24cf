package org.chuangwen.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.MaterialRow;
import org.chuangwen.orgs.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives each material of a box its 件号 once and for all. Materials without a number are numbered in the order of
 * year, kind (as the indicator lists them) and date formed, after the highest number their year and retention already
 * have; a number once given never changes, so what was printed stays right when material is added later.
 */
@Component
class ArchivalNumbers {

	private final JdbcClient jdbc;
	private final ArchiveProperties properties;
	private final Clock clock;

	ArchivalNumbers(JdbcClient jdbc, ArchiveProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	private record Given(int year, String retention, int itemNo) {}

	@Transactional
	List<ArchiveItem> number(OrgUnit box, Indicator indicator, List<MaterialRow> materials) {
		// Two printings of one box must not hand out the same 件号. They queue on the box's own row (archive's table),
		// not on the unit: locking org_unit made every filing and numbering in the community wait for each other.
		jdbc.sql("insert into archive_box (box_unit_id, indicator_id) values (:box, :indicator) on conflict do nothing")
				.param("box", box.id())
				.param("indicator", indicator.id())
				.update();
		jdbc.sql("select box_unit_id from archive_box where box_unit_id = :box and indicator_id = :indicator for update")
				.param("box", box.id())
				.param("indicator", indicator.id())
				.query(Long.class)
				.single();
		Map<Long, Given> given = new HashMap<>();
		jdbc.sql("select material_id, year_formed, retention, item_no from archive_item where box_unit_id = :box and indicator_id = :indicator")
				.param("box", box.id())
				.param("indicator", indicator.id())
				.query(rs -> {
					given.put(rs.getLong(1), new Given(rs.getInt(2), rs.getString(3), rs.getInt(4)));
				});
		Map<String, Integer> last = new HashMap<>();
		given.values().forEach(g -> last.merge(g.year() + "|" + g.retention(), g.itemNo(), Math::max));
		// numbers a correction took back (RetiredNumbers) are never handed out again
		jdbc.sql("select year_formed, retention, max(item_no) from archive_item_retired where box_unit_id = :box and indicator_id = :indicator"
				+ " group by year_formed, retention")
				.param("box", box.id())
				.param("indicator", indicator.id())
				.query(rs -> {
					last.merge(rs.getInt(1) + "|" + rs.getString(2), rs.getInt(3), Math::max);
				});

		Comparator<MaterialRow> filingOrder = Comparator.comparingInt(MaterialRow::year)
				.thenComparingInt(m -> kindRank(indicator, m.kind()))
				.thenComparing(MaterialRow::kind)
				.thenComparing(MaterialRow::dateFormed)
				.thenComparingLong(MaterialRow::id);
		Instant now = Instant.now(clock);
		for (MaterialRow material : materials.stream().filter(m -> !given.containsKey(m.id())).sorted(filingOrder).toList()) {
			String retention = properties.retentionOf(material.kind());
			int itemNo = last.merge(material.year() + "|" + retention, 1, Integer::sum);
			jdbc.sql("""
					insert into archive_item (box_unit_id, indicator_id, material_id, year_formed, retention, item_no, assigned_at)
					values (:box, :indicator, :material, :year, :retention, :item, :at)""")
					.param("box", box.id())
					.param("indicator", indicator.id())
					.param("material", material.id())
					.param("year", material.year())
					.param("retention", retention)
					.param("item", itemNo)
					.param("at", Timestamp.from(now))
					.update();
			given.put(material.id(), new Given(material.year(), retention, itemNo));
		}

		List<MaterialRow> ordered = new ArrayList<>(materials);
		ordered.sort(Comparator.<MaterialRow>comparingInt(m -> given.get(m.id()).year())
				.thenComparingInt(m -> ArchiveProperties.rank(given.get(m.id()).retention()))
				.thenComparingInt(m -> given.get(m.id()).itemNo()));
		List<ArchiveItem> items = new ArrayList<>(ordered.size());
		for (MaterialRow material : ordered) {
			Given g = given.get(material.id());
			items.add(new ArchiveItem(items.size() + 1, code(indicator, g), g.retention(), g.itemNo(), material));
		}
		return items;
	}

	/** 全宗号-门类·年度-保管期限-机构(问题)-件号, e.g. Q001-WS·2010-D30-Ⅲ116-0003. */
	private String code(Indicator indicator, Given g) {
		return properties.fondsCode() + "-" + properties.category() + "·" + g.year() + "-" + g.retention() + "-"
				+ indicator.code().replace("-", "") + "-" + String.format("%04d", g.itemNo());
	}

	private static int kindRank(Indicator indicator, String kind) {
		int rank = indicator.evidenceKinds().indexOf(kind);
		return rank < 0 ? Integer.MAX_VALUE : rank;
	}
}
