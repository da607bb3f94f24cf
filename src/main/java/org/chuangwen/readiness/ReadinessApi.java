package org.chuangwen.readiness;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReadinessApi {

	private final Readiness readiness;

	ReadinessApi(Readiness readiness) {
		this.readiness = readiness;
	}

	record IndicatorJson(String code, String title, List<String> requiredKinds, List<String> presentKinds, List<String> missingKinds,
			double completeness, boolean primaryPeriodCovered) {

		static IndicatorJson of(IndicatorReadiness r) {
			return new IndicatorJson(r.indicator().code(), r.indicator().title(), r.indicator().evidenceKinds(), r.presentKinds(),
					r.missingKinds(), r.completeness(), r.primaryPeriodCovered());
		}
	}

	record CommunityJson(long id, String name, int rank, double completeness, int completeBoxes) {

		static CommunityJson of(CommunityScore s) {
			return new CommunityJson(s.community().id(), s.community().name(), s.rank(), s.completeness(), s.completeBoxes());
		}
	}

	record ReadinessJson(long orgUnitId, String name, double completeness, List<IndicatorJson> indicators, List<CommunityJson> communities) {}

	@GetMapping("/api/v1/readiness")
	ReadinessJson readiness(@RequestParam(required = false) Long orgUnitId) {
		UnitReadiness r = readiness.ofUnitOrOwn(orgUnitId);
		return new ReadinessJson(r.unit().id(), r.unit().name(), r.completeness(),
				r.indicators().stream().map(IndicatorJson::of).toList(), r.communities().stream().map(CommunityJson::of).toList());
	}
}
