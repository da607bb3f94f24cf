package org.chuangwen.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.chuangwen.ModuleFixture;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.UserFacingException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.TestPropertySource;

/**
 * The evidence archive with its direct dependencies only (catalog, orgs, audit, platform): no readiness listening,
 * so the events it publishes are what this module promises the others. H2 only.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = ModuleFixture.FIRST_ADMINISTRATOR)
class EvidenceModuleTests {

	@Autowired
	EvidenceArchive archive;

	@Autowired
	Orgs orgs;

	@Autowired
	Accounts accounts;

	ModuleFixture tree;

	@BeforeEach
	void tree() {
		tree = ModuleFixture.create(orgs, accounts, "ev" + System.nanoTime() % 1000000);
	}

	@Test
	void filingPublishesMaterialFiledAndRecyclingMaterialRecycled(PublishedEvents events) {
		MaterialDetails filed = file("入户宣传");

		assertThat(events.ofType(MaterialFiled.class).matching(e -> e.materialId() == filed.id())).singleElement()
				.satisfies(e -> {
					assertThat(e.orgUnitId()).isEqualTo(tree.community().id());
					assertThat(e.year()).isEqualTo(2010);
				});
		assertThat(filed.row().orgUnitName()).as("the unit's name comes from the org tree").isEqualTo(tree.community().name());

		tree.run(tree.worker(), () -> archive.recycle(filed.id()));
		assertThat(events.ofType(MaterialRecycled.class).matching(e -> e.materialId() == filed.id())).hasSize(1);
	}

	/** What activities asks instead of reading the material table. */
	@Test
	void saysWhichMaterialsAreStillLive() {
		MaterialDetails kept = file("保留的");
		MaterialDetails recycled = file("回收的");
		tree.run(tree.worker(), () -> archive.recycle(recycled.id()));

		assertThat(archive.live(List.of(kept.id(), recycled.id(), -1L))).isEqualTo(Set.of(kept.id()));
		assertThat(archive.live(List.of())).isEmpty();
	}

	@Test
	void aNeighboursMaterialAnswersNotFound() {
		MaterialDetails filed = file("本社区的");
		String neighbourWorker = tree.worker() + "2";
		accounts.create(neighbourWorker, org.chuangwen.Api.PASSWORD, "友谊社区工作者", tree.neighbour().id(), Set.of(org.chuangwen.orgs.Role.WORKER));

		assertThatThrownBy(() -> tree.as(neighbourWorker, () -> archive.find(filed.id())))
				.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
	}

	private MaterialDetails file(String title) {
		byte[] photo = DemoFiles.jpeg(32, 24, new Color(title.hashCode() & 0xffffff), null);
		return tree.as(tree.worker(), () -> archive.file(
				new NewMaterial(tree.community().id(), "图片", title, LocalDate.of(2010, 5, 1), null, List.of("Ⅲ-116")),
				List.of(new Upload(title + ".jpg", photo.length, new ByteArrayResource(photo)))));
	}
}
