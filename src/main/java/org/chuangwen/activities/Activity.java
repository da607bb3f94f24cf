package org.chuangwen.activities;

import java.time.LocalDateTime;
import java.util.List;
import org.chuangwen.catalog.Indicator;

/** An activity with the state of each of its stages. Times are local (Asia/Shanghai). */
record Activity(
		long id,
		long orgUnitId,
		String orgUnitName,
		String title,
		ActivityCategory category,
		List<Indicator> indicators,
		LocalDateTime startsAt,
		LocalDateTime endsAt,
		String place,
		String organizer,
		Integer expectedParticipants,
		String targetGroups,
		Integer volunteersNeeded,
		String description,
		String festival,
		Long issuedPlanId,
		String checkInCode,
		String createdBy,
		List<Stage> stages,
		List<Long> buildingIds,
		int signedUp,
		int checkedIn) {

	public Activity {
		indicators = List.copyOf(indicators);
		stages = List.copyOf(stages);
		buildingIds = List.copyOf(buildingIds);
	}

	/** A stage and the materials filed for it; done once it has at least one. */
	public record Stage(ActivityStage stage, List<Long> materialIds) {

		public Stage {
			materialIds = List.copyOf(materialIds);
		}

		public boolean done() {
			return !materialIds.isEmpty();
		}
	}

	public Stage stage(ActivityStage stage) {
		return stages.stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
	}

	public long stagesDone() {
		return stages.stream().filter(Stage::done).count();
	}

	public List<String> indicatorCodes() {
		return indicators.stream().map(Indicator::code).toList();
	}
}
