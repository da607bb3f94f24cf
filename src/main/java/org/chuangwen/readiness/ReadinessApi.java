package org.chuangwen.readiness;

import java.math.BigDecimal;
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
			double completeness, boolean primaryPeriodCovered, double score, String grade, BigDecimal weight) {

		static IndicatorJson of(IndicatorReadiness r) {
			return new IndicatorJson(r.indicator().code(), r.indicator().title(), r.indicator().evidenceKinds(), r.presentKinds(),
					r.missingKinds(), r.completeness(), r.primaryPeriodCovered(), Grading.tenth(r.score()), r.grade(), r.indicator().weight());
		}
	}

	record CommunityJson(long id, String name, int rank, double completeness, int completeBoxes, double score, String grade, int scoreRank) {

		static CommunityJson of(CommunityScore s) {
			return new CommunityJson(s.community().id(), s.community().name(), s.rank(), s.completeness(), s.completeBoxes(), Grading.tenth(s.score()),
					s.grade(), s.scoreRank());
		}
	}

	record StreetJson(long id, String name, int rank, double score, String grade, int communities) {

		static StreetJson of(StreetScore s) {
			return new StreetJson(s.street().id(), s.street().name(), s.rank(), Grading.tenth(s.score()), s.grade(), s.communities());
		}
	}

	record ReadinessJson(long orgUnitId, String name, double completeness, double score, String grade, List<IndicatorJson> indicators,
			List<CommunityJson> communities, List<StreetJson> streets) {}

	@GetMapping("/api/v1/readiness")
	ReadinessJson readiness(@RequestParam(required = false) Long orgUnitId) {
		UnitReadiness r = readiness.ofUnitOrOwn(orgUnitId);
		return new ReadinessJson(r.unit().id(), r.unit().name(), r.completeness(), r.scoreTenth(), r.grade(),
				r.indicators().stream().map(IndicatorJson::of).toList(), r.communities().stream().map(CommunityJson::of).toList(),
				r.streets().stream().map(StreetJson::of).toList());
	}
}
