package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.tables.StatisticsTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 志愿者统计表: every volunteer registered under the unit with number, name, masked phone (never the number), team,
 * skills, the hours confirmed in the period and the star level earned by all confirmed hours, with totals.
 */
@Component
class VolunteersTable implements StatisticsTable {

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final VolunteerProperties properties;

	VolunteersTable(JdbcClient jdbc, DataScope scope, VolunteerProperties properties) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.properties = properties;
	}

	@Override
	public String name() {
		return "volunteers";
	}

	@Override
	public String title() {
		return "志愿者统计表";
	}

	@Override
	@Transactional(readOnly = true)
	public Table compute(long orgUnitId, LocalDate from, LocalDate to) {
		OrgUnit unit = scope.readable(orgUnitId);
		String confirmed = "select volunteer_id, coalesce(sum(hours), 0) from service_record where org_path like :p and status = 'CONFIRMED'";
		Map<Long, BigDecimal> inPeriod = hours(jdbc.sql(confirmed + " and service_date >= :from and service_date <= :to group by volunteer_id")
				.param("p", unit.path() + "%").param("from", from).param("to", to));
		Map<Long, BigDecimal> ever = hours(jdbc.sql(confirmed + " group by volunteer_id").param("p", unit.path() + "%"));
		List<List<Object>> rows = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		int n = 0;
		for (var v : jdbc.sql("select v.id, v.number, v.name, v.phone_masked, t.name team, v.skills from volunteer v left join volunteer_team t on t.id = v.team_id"
				+ " where v.org_path like :p order by v.number").param("p", unit.path() + "%").query().listOfRows()) {
			long id = ((Number) v.get("id")).longValue();
			BigDecimal hours = inPeriod.getOrDefault(id, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
			String level = properties.level(ever.getOrDefault(id, BigDecimal.ZERO));
			total = total.add(hours);
			rows.add(java.util.Arrays.asList(++n, v.get("number"), v.get("name"), v.get("phone_masked"), v.get("team") == null ? "" : v.get("team"),
					v.get("skills") == null ? "" : v.get("skills"), hours, level == null ? "" : level));
		}
		return new Table(List.of("序号", "志愿者编号", "姓名", "联系电话", "所属队伍", "技能特长", "服务时长(小时)", "星级"), rows,
				List.of("合计", n + "人", "", "", "", "", total, ""));
	}

	private static Map<Long, BigDecimal> hours(JdbcClient.StatementSpec sql) {
		Map<Long, BigDecimal> hours = new HashMap<>();
		sql.query((rs, i) -> Map.entry(rs.getLong(1), rs.getBigDecimal(2))).list().forEach(e -> hours.put(e.getKey(), e.getValue()));
		return hours;
	}
}
