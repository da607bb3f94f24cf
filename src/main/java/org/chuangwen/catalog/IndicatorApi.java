package org.chuangwen.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class IndicatorApi {

	private final Catalog catalog;

	IndicatorApi(Catalog catalog) {
		this.catalog = catalog;
	}

	record TargetJson(String key, String metric, String comparator, BigDecimal threshold, String unit) {

		static TargetJson of(Target t) {
			return new TargetJson(t.key(), t.metric(), t.comparator(), t.threshold(), t.unit());
		}
	}

	record IndicatorJson(String code, String sourceCode, String title, List<String> requirements, String evidenceText,
			List<String> evidenceKinds, List<TargetJson> targets) {

		static IndicatorJson of(Indicator i) {
			return new IndicatorJson(i.code(), i.sourceCode(), i.title(), i.requirements(), i.evidenceText(), i.evidenceKinds(),
					i.targets().stream().map(TargetJson::of).toList());
		}
	}

	@GetMapping("/indicators")
	List<IndicatorJson> indicators() {
		return catalog.indicators().stream().map(IndicatorJson::of).toList();
	}

	@GetMapping("/indicators/{code}")
	IndicatorJson indicator(@PathVariable String code) {
		return IndicatorJson.of(catalog.resolve(code));
	}

	@GetMapping("/evidence-kinds")
	List<EvidenceKind> kinds() {
		return catalog.active().kinds();
	}
}
