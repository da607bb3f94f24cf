package org.chuangwen.readiness;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SnapshotApi {

	private final Snapshots snapshots;

	SnapshotApi(Snapshots snapshots) {
		this.snapshots = snapshots;
	}

	record SnapshotBody(Long orgUnitId) {}

	record TrendJson(long orgUnitId, List<CommunityTrendJson> communities) {}

	record CommunityTrendJson(long id, String name, List<Snapshots.Point> weeks) {}

	@PostMapping("/api/v1/readiness/snapshots")
	Snapshots.Taken take(@RequestBody(required = false) SnapshotBody body) {
		return snapshots.take(body == null ? null : body.orgUnitId());
	}

	@GetMapping("/api/v1/readiness/trend")
	TrendJson trend(@RequestParam long orgUnitId) {
		return new TrendJson(orgUnitId, snapshots.trend(orgUnitId).stream()
				.map(t -> new CommunityTrendJson(t.community().id(), t.community().name(), t.points())).toList());
	}
}
