package org.chuangwen.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chuangwen.ModuleFixture;
import org.chuangwen.catalog.Catalog;
import org.chuangwen.catalog.Indicator;
import org.chuangwen.evidence.MaterialFiled;
import org.chuangwen.evidence.MaterialRecycled;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Orgs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * Readiness on the evidence archive's events alone: the events are published here as evidence would publish them,
 * and readiness counts them without reading a material. Its direct bootstrap dependencies (catalog, orgs, targets) plus
 * audit, which their beans need, and platform, whose bean the one injected {@code Clock} is (Modulith cannot see that
 * dependency: the type is {@code java.time.Clock}). Evidence is in the context only because the targets module's beans
 * (declarations with a supporting material, facility photos) need its archive; nothing here files through it. H2 only.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = { "audit", "platform", "evidence" })
@TestPropertySource(properties = ModuleFixture.FIRST_ADMINISTRATOR)
class ReadinessModuleTests {

	@Autowired
	Readiness readiness;

	@Autowired
	Catalog catalog;

	@Autowired
	Orgs orgs;

	@Autowired
	Accounts accounts;

	ModuleFixture tree;

	@BeforeEach
	void tree() {
		tree = ModuleFixture.create(orgs, accounts, "rd" + System.nanoTime() % 1000000);
	}

	@Test
	void countsAFiledMaterialAndForgetsItWhenRecycled(Scenario scenario) {
		Indicator box = catalog.resolve("Ⅲ-116");
		String kind = box.evidenceKinds().get(0);
		long community = tree.community().id();
		String path = tree.community().path();

		scenario.publish(new MaterialFiled(1L, community, path, List.of(box.id()), kind, 2010))
				.andWaitForStateChange(() -> present(box), kinds -> kinds.contains(kind))
				.andVerify(kinds -> assertThat(kinds).containsExactly(kind));
		assertThat(tree.as(tree.office(), () -> readiness.of(tree.street().id())).communities())
				.as("the street ranks its two communities, the one with evidence first")
				.extracting(score -> score.community().id()).containsExactly(community, tree.neighbour().id());

		scenario.publish(new MaterialRecycled(1L, community, path, List.of(box.id()), kind, 2010))
				.andWaitForStateChange(() -> present(box), List::isEmpty)
				.andVerify(kinds -> assertThat(kinds).isEmpty());
	}

	private List<String> present(Indicator box) {
		UnitReadiness unit = tree.as(tree.worker(), () -> readiness.of(tree.community().id()));
		return unit.indicators().stream().filter(i -> i.indicator().id() == box.id()).findFirst().orElseThrow().presentKinds();
	}
}
