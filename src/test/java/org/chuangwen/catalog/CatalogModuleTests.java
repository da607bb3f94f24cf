package org.chuangwen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chuangwen.ModuleFixture;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/** The catalog with orgs, audit and platform: the configured edition is imported at the first start. H2 only. */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = ModuleFixture.FIRST_ADMINISTRATOR)
class CatalogModuleTests {

	@Autowired
	Catalog catalog;

	@Test
	void theInitialEditionIsInForceAndReadsCodesTheWayPeopleTypeThem() {
		assertThat(catalog.hasEdition()).isTrue();
		Indicator box = catalog.resolve("III-116");

		assertThat(box.code()).isEqualTo("Ⅲ-116");
		assertThat(box.evidenceKinds()).isNotEmpty();
		assertThat(catalog.find(box.id())).contains(box);
	}

	@Test
	void anUnknownCodeIsRefusedWithItsName() {
		assertThatThrownBy(() -> catalog.resolve("Ⅸ-999"))
				.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.error()).isEqualTo("unknown_indicator"));
	}
}
