package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.orgs.Orgs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Confirmed hours of a year under a path, summed from the records on every call (nothing kept that could drift). */
@Component
class ServiceTotalsQuery {

	private final JdbcClient jdbc;
	private final Orgs orgs;

	ServiceTotalsQuery(JdbcClient jdbc, Orgs orgs) {
		this.jdbc = jdbc;
		this.orgs = orgs;
	}

	ServiceTotals of(String path, int year) {
		String where = " where r.org_path like :path and r.status = 'CONFIRMED' and r.service_date >= :from and r.service_date < :to";
		LocalDate from = LocalDate.of(year, 1, 1);
		List<ServiceTotals.Line> units = jdbc.sql("select r.org_unit_id, coalesce(sum(r.hours), 0), count(*) from service_record r" + where
				+ " group by r.org_unit_id order by r.org_unit_id")
				.param("path", path + "%").param("from", from).param("to", from.plusYears(1))
				.query((rs, n) -> new ServiceTotals.Line(rs.getLong(1), orgs.find(rs.getLong(1)).map(u -> u.name()).orElse(""), scaled(rs.getBigDecimal(2)),
						rs.getInt(3)))
				.list();
		List<ServiceTotals.Line> teams = jdbc.sql("select t.id, t.name, coalesce(sum(r.hours), 0), count(*) from service_record r join volunteer v on v.id = r.volunteer_id"
				+ " join volunteer_team t on t.id = v.team_id" + where + " group by t.id, t.name order by t.name")
				.param("path", path + "%").param("from", from).param("to", from.plusYears(1))
				.query((rs, n) -> new ServiceTotals.Line(rs.getLong(1), rs.getString(2), scaled(rs.getBigDecimal(3)), rs.getInt(4)))
				.list();
		List<ServiceTotals.Line> volunteers = jdbc.sql("select v.id, v.name, coalesce(sum(r.hours), 0), count(*) from service_record r join volunteer v on v.id = r.volunteer_id"
				+ where + " group by v.id, v.name order by 3 desc, v.id")
				.param("path", path + "%").param("from", from).param("to", from.plusYears(1))
				.query((rs, n) -> new ServiceTotals.Line(rs.getLong(1), rs.getString(2), scaled(rs.getBigDecimal(3)), rs.getInt(4)))
				.list();
		BigDecimal hours = units.stream().map(ServiceTotals.Line::hours).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
		int records = units.stream().mapToInt(ServiceTotals.Line::records).sum();
		return new ServiceTotals(year, hours, records, units, teams, volunteers);
	}

	private static BigDecimal scaled(BigDecimal hours) {
		return hours.setScale(2, RoundingMode.HALF_UP);
	}
}
