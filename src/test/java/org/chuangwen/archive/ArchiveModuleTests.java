package org.chuangwen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.LocalDate;
import java.util.List;
import org.chuangwen.ModuleFixture;
import org.chuangwen.demo.DemoFiles;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.MaterialDetails;
import org.chuangwen.evidence.NewMaterial;
import org.chuangwen.evidence.Upload;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Orgs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.test.context.TestPropertySource;

/** The print-ready archive on the evidence archive, catalog, orgs, audit and platform: no readiness, no activities. H2 only. */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = ModuleFixture.FIRST_ADMINISTRATOR)
class ArchiveModuleTests {

	@Autowired
	PrintArchive print;

	@Autowired
	Exports exports;

	@Autowired
	EvidenceArchive evidence;

	@Autowired
	Orgs orgs;

	@Autowired
	Accounts accounts;

	ModuleFixture tree;

	@BeforeEach
	void tree() {
		tree = ModuleFixture.create(orgs, accounts, "ar" + System.nanoTime() % 1000000);
	}

	@Test
	void numbersABoxOnceAndAMaterialFiledLaterGetsTheNextNumber() {
		MaterialDetails may = file("五月活动", LocalDate.of(2010, 5, 1));
		MaterialDetails june = file("六月活动", LocalDate.of(2010, 6, 1));

		PrintedBox first = tree.as(tree.worker(), () -> print.box(tree.community().id(), "Ⅲ-116"));
		assertThat(first.unit().name()).isEqualTo(tree.community().name());
		assertThat(first.items()).extracting(i -> i.material().id(), ArchiveItem::itemNo)
				.containsExactly(tuple(may.id(), 1), tuple(june.id(), 2));

		// formed before both, filed after the box was printed: it gets the next number, the printed ones stay
		MaterialDetails april = file("四月补录", LocalDate.of(2010, 4, 1));
		PrintedBox again = tree.as(tree.worker(), () -> print.box(tree.community().id(), "Ⅲ-116"));
		assertThat(again.items()).extracting(i -> i.material().id(), ArchiveItem::itemNo)
				.containsExactlyInAnyOrder(tuple(may.id(), 1), tuple(june.id(), 2), tuple(april.id(), 3));
		assertThat(again.items()).filteredOn(i -> i.material().id() == may.id()).singleElement()
				.satisfies(i -> assertThat(i.archivalCode()).endsWith("-Ⅲ116-0001"));
	}

	@Test
	void anExportJobShowsItsCommunitysName() {
		file("导出用", LocalDate.of(2010, 7, 1));
		ExportJob job = tree.as(tree.worker(), () -> exports.request(tree.community().id(), List.of("Ⅲ-116"), null));

		assertThat(job.orgUnitName()).isEqualTo(tree.community().name());
		assertThat(tree.as(tree.office(), () -> exports.recent(10))).extracting(ExportJob::id, ExportJob::orgUnitName)
				.contains(tuple(job.id(), tree.community().name()));
	}

	private MaterialDetails file(String title, LocalDate formed) {
		byte[] photo = DemoFiles.jpeg(32, 24, new Color(title.hashCode() & 0xffffff), null);
		return tree.as(tree.worker(), () -> evidence.file(new NewMaterial(tree.community().id(), "图片", title, formed, null, List.of("Ⅲ-116")),
				List.of(new Upload(title + ".jpg", photo.length, new ByteArrayResource(photo)))));
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}
}
