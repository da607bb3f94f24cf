package org.chuangwen.readiness;

import java.util.List;
import org.chuangwen.evidence.MaterialFiled;
import org.chuangwen.evidence.MaterialRecycled;
import org.chuangwen.evidence.MaterialRestored;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts live materials per (unit, indicator, kind, year) inside the filing's own transaction, so the page after
 * an upload already shows it and readiness never rescans materials. Concurrent filings to one unit are
 * serialized by locking the unit's row, which keeps the update-or-insert below safe on every database.
 */
@Component
class EvidenceCounters {

	private final JdbcClient jdbc;

	EvidenceCounters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(MaterialFiled event) {
		add(event.orgUnitId(), event.orgPath(), event.indicatorIds(), event.kind(), event.year(), 1);
	}

	@EventListener
	void on(MaterialRestored event) {
		add(event.orgUnitId(), event.orgPath(), event.indicatorIds(), event.kind(), event.year(), 1);
	}

	@EventListener
	void on(MaterialRecycled event) {
		add(event.orgUnitId(), event.orgPath(), event.indicatorIds(), event.kind(), event.year(), -1);
	}

	private void add(long unitId, String path, List<Long> indicatorIds, String kind, int year, int delta) {
		jdbc.sql("select id from org_unit where id = :id for update").param("id", unitId).query(Long.class).single();
		for (long indicatorId : indicatorIds) {
			int updated = jdbc.sql("""
					update readiness_counter set material_count = material_count + :delta
					where org_unit_id = :unit and indicator_id = :indicator and kind = :kind and year_formed = :year""")
					.param("delta", delta)
					.param("unit", unitId)
					.param("indicator", indicatorId)
					.param("kind", kind)
					.param("year", year)
					.update();
			if (updated == 0) {
				jdbc.sql("""
						insert into readiness_counter (org_unit_id, org_path, indicator_id, kind, year_formed, material_count)
						values (:unit, :path, :indicator, :kind, :year, :count)""")
						.param("unit", unitId)
						.param("path", path)
						.param("indicator", indicatorId)
						.param("kind", kind)
						.param("year", year)
						.param("count", Math.max(delta, 0))
						.update();
			}
		}
	}
}
