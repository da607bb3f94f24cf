package org.chuangwen.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.chuangwen.ModuleFixture;
import org.chuangwen.evidence.EvidenceArchive;
import org.chuangwen.evidence.RecycleBin;
import org.chuangwen.orgs.Accounts;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.Zones;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.TestPropertySource;

/**
 * Activities on the evidence archive, catalog, orgs, audit and platform only: no readiness, no archive. What the
 * activity shows of other modules (its unit's name, which stage material is still live) comes through their APIs.
 * H2 only.
 */
@ApplicationModuleTest(BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = ModuleFixture.FIRST_ADMINISTRATOR)
class ActivitiesModuleTests {

	@Autowired
	Activities activities;

	@Autowired
	EvidenceArchive evidence;

	@Autowired
	Orgs orgs;

	@Autowired
	Accounts accounts;

	@Autowired
	Clock clock;

	ModuleFixture tree;

	@BeforeEach
	void tree() {
		tree = ModuleFixture.create(orgs, accounts, "ac" + System.nanoTime() % 1000000);
	}

	@Test
	void aStageShowsItsMaterialOnlyWhileItIsOutOfTheRecycleBin() {
		Activity planned = plan("文明礼仪讲座", now().plusDays(1));
		assertThat(planned.orgUnitName()).isEqualTo(tree.community().name());
		long material = tree.as(tree.worker(), () -> activities.filePlan(planned.id())).id();
		assertThat(stage(planned.id(), ActivityStage.PLAN)).containsExactly(material);

		tree.run(tree.worker(), () -> RecycleBin.recycle(evidence, material));
		assertThat(stage(planned.id(), ActivityStage.PLAN)).isEmpty();

		tree.run(tree.worker(), () -> RecycleBin.restore(evidence, material));
		assertThat(stage(planned.id(), ActivityStage.PLAN)).containsExactly(material);
	}

	@Test
	void filingTheAttendanceSheetPublishesActivityHeldWithWhoCame(PublishedEvents events) {
		Activity running = plan("楼道清扫", now().minusMinutes(10));
		tree.run(tree.worker(), () -> activities.checkIn(running.id(), "张三", "13800138000", Participant.Role.VOLUNTEER));
		tree.run(tree.worker(), () -> activities.fileAttendance(running.id()));

		assertThat(events.ofType(ActivityHeld.class).matching(e -> e.activityId() == running.id())).singleElement().satisfies(held -> {
			assertThat(held.orgUnitId()).isEqualTo(tree.community().id());
			assertThat(held.attendees()).singleElement().satisfies(a -> {
				assertThat(a.name()).isEqualTo("张三");
				assertThat(a.volunteer()).isTrue();
				assertThat(a.phoneHash()).isNotBlank().doesNotContain("13800138000");
			});
		});
		assertThat(tree.as(tree.office(), () -> activities.list(null, null, 50))).extracting(Activity::id, Activity::orgUnitName)
				.contains(org.assertj.core.groups.Tuple.tuple(running.id(), tree.community().name()));
	}

	private Activity plan(String title, LocalDateTime starts) {
		return tree.as(tree.worker(), () -> activities.plan(new NewActivity(tree.community().id(), title, "文明礼仪", List.of(), starts,
				starts.plusHours(2), "社区活动室", null, null, null, null, null, null, null)));
	}

	private List<Long> stage(long id, ActivityStage stage) {
		return tree.as(tree.worker(), () -> activities.find(id)).stage(stage).materialIds();
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock.withZone(Zones.SHANGHAI));
	}
}
