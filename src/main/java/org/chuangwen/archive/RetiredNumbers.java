package org.chuangwen.archive;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.chuangwen.evidence.MaterialCorrected;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows DA/T 22 when a correction moves a material: a 件号 stands for one year, retention and box, so a material
 * corrected into another year, kind of retention, community or indicator loses the numbers that no longer fit. They
 * are kept as retired, never handed out again ({@link ArchivalNumbers} counts them), and the material is numbered
 * afresh where it now belongs at the next printing. Runs in the correction's own transaction.
 */
@Component
class RetiredNumbers {

	private final JdbcClient jdbc;
	private final ArchiveProperties properties;
	private final Orgs orgs;
	private final Clock clock;

	RetiredNumbers(JdbcClient jdbc, ArchiveProperties properties, Orgs orgs, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.orgs = orgs;
		this.clock = clock;
	}

	private record Item(long id, long box, long indicator, int year, String retention, int itemNo, Timestamp assignedAt) {}

	@EventListener
	void on(MaterialCorrected event) {
		if (!event.moved()) {
			return;
		}
		MaterialCorrected.Filing now = event.after();
		long box = orgs.find(now.orgUnitId()).map(u -> orgs.communityOf(u).orElse(u)).map(OrgUnit::id).orElse(now.orgUnitId());
		String retention = properties.retentionOf(now.kind());
		List<Item> items = jdbc.sql("""
				select id, box_unit_id, indicator_id, year_formed, retention, item_no, assigned_at from archive_item
				where material_id = :material order by box_unit_id, indicator_id""")
				.param("material", event.materialId())
				.query((rs, n) -> new Item(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5), rs.getInt(6),
						rs.getTimestamp(7)))
				.list();
		Timestamp at = Timestamp.from(Instant.now(clock));
		for (Item item : items) {
			boolean fits = item.box() == box && item.year() == now.year() && item.retention().equals(retention)
					&& now.indicatorIds().contains(item.indicator());
			if (fits) {
				continue;
			}
			// the box's own row is the lock a printing of the box numbers under (ArchivalNumbers)
			jdbc.sql("select box_unit_id from archive_box where box_unit_id = :box and indicator_id = :indicator for update")
					.param("box", item.box())
					.param("indicator", item.indicator())
					.query(Long.class)
					.optional();
			jdbc.sql("""
					insert into archive_item_retired (box_unit_id, indicator_id, material_id, year_formed, retention, item_no, assigned_at, retired_at)
					values (:box, :indicator, :material, :year, :retention, :item, :assigned, :retired)""")
					.param("box", item.box())
					.param("indicator", item.indicator())
					.param("material", event.materialId())
					.param("year", item.year())
					.param("retention", item.retention())
					.param("item", item.itemNo())
					.param("assigned", item.assignedAt())
					.param("retired", at)
					.update();
			jdbc.sql("delete from archive_item where id = :id").param("id", item.id()).update();
		}
	}
}
