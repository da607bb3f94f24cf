package org.chuangwen.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.chuangwen.ModuleFixture;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/**
 * The org tree, accounts and data scope with only what they need (audit, platform) in the context. H2 only: module
 * tests prove a module works alone; the {@code @IntegrationTest}s run the same code on PostgreSQL.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = ModuleFixture.FIRST_ADMINISTRATOR)
class OrgsModuleTests {

	@Autowired
	Orgs orgs;

	@Autowired
	Accounts accounts;

	@Autowired
	DataScope scope;

	ModuleFixture tree;

	@BeforeEach
	void tree() {
		if (tree == null) {
			tree = ModuleFixture.create(orgs, accounts, "org" + System.nanoTime() % 100000);
		}
	}

	/** How other modules show unit names beside their own rows without reading orgs' table. */
	@Test
	void givesUnitsByIdInOneCallLeavingOutUnknownIds() {
		Map<Long, OrgUnit> units = orgs.units(List.of(tree.community().id(), tree.neighbour().id(), -1L));

		assertThat(units).containsOnlyKeys(tree.community().id(), tree.neighbour().id());
		assertThat(units.get(tree.community().id()).name()).isEqualTo(tree.community().name());
		assertThat(orgs.units(List.of())).isEmpty();
	}

	@Test
	void aWorkerSeesItsOwnCommunityAndANeighboursIdAnswersNotFound() {
		assertThat(tree.as(tree.worker(), () -> scope.readable(tree.building().id())).name()).isEqualTo("1号楼");

		assertThatThrownBy(() -> tree.as(tree.worker(), () -> scope.readable(tree.neighbour().id())))
				.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThat(tree.as(tree.office(), () -> scope.readable(tree.neighbour().id())).id()).isEqualTo(tree.neighbour().id());
	}

	@Test
	void anInspectorReadsTheStreetButWritesNothing() {
		assertThat(tree.as(tree.inspector(), () -> scope.readable(tree.community().id()))).isNotNull();

		assertThatThrownBy(() -> tree.as(tree.inspector(), () -> scope.writable(tree.community().id())))
				.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN));
	}
}
