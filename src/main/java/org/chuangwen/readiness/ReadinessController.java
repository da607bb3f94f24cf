package org.chuangwen.readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class ReadinessController {

	static final String DASHBOARD = "readiness/dashboard";

	private final Readiness readiness;
	private final DataScope scope;
	private final Orgs orgs;
	private final Catalog catalog;
	private final Snapshots snapshots;

	ReadinessController(Readiness readiness, DataScope scope, Orgs orgs, Catalog catalog, Snapshots snapshots) {
		this.snapshots = snapshots;
		this.readiness = readiness;
		this.scope = scope;
		this.orgs = orgs;
		this.catalog = catalog;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/readiness";
	}

	@GetMapping("/readiness")
	String dashboard(@RequestParam(required = false) Long unit, Model model) {
		UnitReadiness result = readiness.ofUnitOrOwn(unit);
		OrgUnit me = scope.readable(scope.user().orgUnitId());
		model.addAttribute("readiness", result);
		model.addAttribute("lineage", orgs.lineage(result.unit()).stream().filter(u -> u.path().startsWith(me.path())).toList());
		model.addAttribute("children", orgs.children(result.unit().id()));
		model.addAttribute("chart", chart(result));
		model.addAttribute("period", catalog.active().period());
		model.addAttribute("trend", snapshots.trend(result.unit().id()));
		return DASHBOARD;
	}

	/** Bars for ECharts: communities ranked (street and above) or indicators (a community); each bar links on. */
	private static Map<String, Object> chart(UnitReadiness r) {
		Map<String, Object> chart = new LinkedHashMap<>();
		if (r.aggregate()) {
			List<CommunityScore> ranked = r.communities();
			chart.put("labels", ranked.stream().map(s -> s.community().name()).toList());
			chart.put("values", ranked.stream().map(CommunityScore::percent).toList());
			chart.put("links", ranked.stream().map(s -> "/readiness?unit=" + s.community().id()).toList());
		} else {
			List<IndicatorReadiness> indicators = r.indicators();
			chart.put("labels", indicators.stream().map(i -> i.indicator().code()).toList());
			chart.put("values", indicators.stream().map(i -> i.percent(false)).toList());
			chart.put("links", indicators.stream().map(i -> "/boxes/" + r.unit().id() + "/" + i.indicator().code()).toList());
		}
		return chart;
	}
}
