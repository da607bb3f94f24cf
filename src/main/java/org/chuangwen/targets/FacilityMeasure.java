package org.chuangwen.targets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;

/**
 * A facility figure of a community from its current facility records, e.g. the 警务室's area. A street or district
 * answers with its weakest community (every facility standard is a minimum each community must reach), and says how
 * many of its communities have recorded the facility at all. Empty while nothing is recorded.
 */
class FacilityMeasure implements Measure {

	private final String key;
	private final String definition;
	private final String unit;
	private final Function<Map<FacilityKind, Facilities.Facility>, BigDecimal> value;
	private final Facilities facilities;
	private final DataScope scope;
	private final Orgs orgs;

	/** {@code value} answers null when the records it needs are missing. */
	FacilityMeasure(String key, String definition, String unit, Function<Map<FacilityKind, Facilities.Facility>, BigDecimal> value, Facilities facilities,
			DataScope scope, Orgs orgs) {
		this.key = key;
		this.definition = definition;
		this.unit = unit;
		this.value = value;
		this.facilities = facilities;
		this.scope = scope;
		this.orgs = orgs;
	}

	@Override
	public String key() {
		return key;
	}

	@Override
	public String definition() {
		return definition;
	}

	@Override
	public Optional<Figure> measure(long orgUnitId, LocalDate on) {
		OrgUnit unit = scope.readable(orgUnitId);
		List<OrgUnit> communities = orgs.communityOf(unit).map(List::of).orElseGet(() -> orgs.communitiesWithin(unit.path()));
		OrgUnit weakest = null;
		BigDecimal lowest = null;
		int recorded = 0;
		for (OrgUnit community : communities) {
			BigDecimal v = value.apply(facilities.current(community.id()));
			if (v != null) {
				recorded++;
				if (lowest == null || v.compareTo(lowest) < 0) {
					lowest = v;
					weakest = community;
				}
			}
		}
		if (lowest == null) {
			return Optional.empty();
		}
		String rows = "/facilities?orgUnitId=" + weakest.id();
		if (communities.size() == 1) {
			return Optional.of(new Figure(lowest, null, lowest.toPlainString() + " " + this.unit, rows));
		}
		return Optional.of(new Figure(lowest, null, "最低:" + weakest.name() + " " + lowest.toPlainString() + " " + this.unit + ";已登记 " + recorded
				+ " / " + communities.size() + " 个社区", rows));
	}

	/** The area of a facility that is there, 0 for one recorded as absent, null for one not recorded. */
	static BigDecimal area(Facilities.Facility f) {
		if (f == null) {
			return null;
		}
		return f.present() && f.area() != null ? f.area() : BigDecimal.ZERO;
	}

	/** 1 for a facility recorded as there, 0 for one recorded as absent, null for one not recorded. */
	static BigDecimal count(Facilities.Facility f, boolean there) {
		return f == null ? null : there ? BigDecimal.ONE : BigDecimal.ZERO;
	}
}
