package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.util.List;

/** Confirmed hours of one year under a unit: in all, per unit, per team and per volunteer (sums of records, never kept). */
record ServiceTotals(int year, BigDecimal hours, int records, List<Line> units, List<Line> teams, List<Line> volunteers) {

	public ServiceTotals {
		units = List.copyOf(units);
		teams = List.copyOf(teams);
		volunteers = List.copyOf(volunteers);
	}

	/** One row of a total: the unit, team or volunteer, its hours and the number of records. */
	public record Line(long id, String name, BigDecimal hours, int records) {}
}
