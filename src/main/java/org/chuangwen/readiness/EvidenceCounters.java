package org.chuangwen.readiness;

import java.util.List;
import org.chuangwen.evidence.MaterialCorrected;
import org.chuangwen.evidence.MaterialFiled;
import org.chuangwen.evidence.MaterialRecycled;
import org.chuangwen.evidence.MaterialRestored;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts live materials per (unit, indicator, kind, year) inside the filing's own transaction, so the page after
 * an upload already shows it and readiness never rescans materials.
 *
 * <p>Each change locks only the counter rows it changes, never the unit: filings into one community wait for each
 * other only where they count the same box, kind and year, and only until the filing commits (the archive publishes
 * the event as its last write). A missing row is inserted with {@code on conflict do nothing}, which works on H2 in
 * PostgreSQL mode and on PostgreSQL, and when a concurrent filing inserted it first the increment goes to that row.
 * Rows are touched in indicator order, so two filings naming the same indicators never wait for each other in a
 * circle.
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

	/** A corrected material counts where it is filed now instead of where it was (a recycled one counts nowhere). */
	@EventListener
	void on(MaterialCorrected event) {
		if (!event.live() || !event.moved()) {
			return;
		}
		MaterialCorrected.Filing before = event.before();
		MaterialCorrected.Filing after = event.after();
		add(before.orgUnitId(), before.orgPath(), before.indicatorIds(), before.kind(), before.year(), -1);
		add(after.orgUnitId(), after.orgPath(), after.indicatorIds(), after.kind(), after.year(), 1);
	}

	private void add(long unitId, String path, List<Long> indicatorIds, String kind, int year, int delta) {
		for (long indicatorId : indicatorIds.stream().distinct().sorted().toList()) {
			if (increment(unitId, indicatorId, kind, year, delta) > 0) {
				continue;
			}
			int inserted = jdbc.sql("""
					insert into readiness_counter (org_unit_id, org_path, indicator_id, kind, year_formed, material_count)
					values (:unit, :path, :indicator, :kind, :year, :count)
					on conflict do nothing""")
					.param("unit", unitId)
					.param("path", path)
					.param("indicator", indicatorId)
					.param("kind", kind)
					.param("year", year)
					.param("count", Math.max(delta, 0))
					.update();
			if (inserted == 0) {
				increment(unitId, indicatorId, kind, year, delta);
			}
		}
	}

	private int increment(long unitId, long indicatorId, String kind, int year, int delta) {
		return jdbc.sql("""
				update readiness_counter set material_count = material_count + :delta
				where org_unit_id = :unit and indicator_id = :indicator and kind = :kind and year_formed = :year""")
				.param("delta", delta)
				.param("unit", unitId)
				.param("indicator", indicatorId)
				.param("kind", kind)
				.param("year", year)
				.update();
	}
}
