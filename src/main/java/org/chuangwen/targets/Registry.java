package org.chuangwen.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Edition;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.catalog.Target;
import org.springframework.stereotype.Component;

/**
 * Every target in one list: the active catalog edition's, in indicator order, then the plans', in document order. Read
 * from the catalog on each call, so a newly activated edition is followed at once.
 */
@Component
class Registry {

	private final Catalog catalog;
	private final Plans plans;

	Registry(Catalog catalog, Plans plans) {
		this.catalog = catalog;
		this.plans = plans;
	}

	List<TargetDefinition> all() {
		List<TargetDefinition> all = new ArrayList<>();
		Edition edition = catalog.active();
		// the measures count the evaluation year up to the day asked about (Measure#measure's "as of a day")
		String period = "测评年度";
		for (Indicator indicator : edition.indicators()) {
			for (Target target : indicator.targets()) {
				all.add(new TargetDefinition(target.key(), target.key(), indicator.code(), target, period, null,
						new Plans.Provenance(edition.name(), indicator.code() + " " + indicator.title(), plans.catalogLine(target.key()), target.source())));
			}
		}
		for (Plans.PlanTarget t : plans.targets()) {
			all.add(new TargetDefinition(t.key(), t.measure(), null, new Target(t.key(), t.metric(), t.comparator(), t.threshold(), t.unit(),
					t.provenance().phrase()), t.period(), t.definition(), t.provenance()));
		}
		return all;
	}

	Optional<TargetDefinition> find(String key) {
		return all().stream().filter(t -> t.key().equals(key)).findFirst();
	}
}
