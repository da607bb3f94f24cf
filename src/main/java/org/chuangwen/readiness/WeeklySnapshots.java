package org.chuangwen.readiness;

import org.chuangwen.orgs.Accounts;
import org.chuangwen.platform.Zones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes the week's snapshots of every community once a week, early on Monday (Beijing time), as the configured
 * account ({@code chuangwen.readiness.snapshot-account}, the system administrator by default) so the whole tree is in
 * scope. A week already taken on demand stays as it was.
 */
@Component
class WeeklySnapshots {

	private static final Logger log = LoggerFactory.getLogger(WeeklySnapshots.class);

	private final Snapshots snapshots;
	private final Accounts accounts;
	private final ReadinessProperties properties;

	WeeklySnapshots(Snapshots snapshots, Accounts accounts, ReadinessProperties properties) {
		this.snapshots = snapshots;
		this.accounts = accounts;
		this.properties = properties;
	}

	@Scheduled(cron = "${chuangwen.readiness.snapshot-cron:0 30 1 * * MON}", zone = Zones.SHANGHAI_ID)
	void weekly() {
		try {
			Snapshots.Taken taken = accounts.callAs(properties.snapshotAccount(), () -> snapshots.take(null));
			log.info("readiness snapshots of {}: {} taken, {} already there", taken.week(), taken.taken(), taken.alreadyTaken());
		} catch (RuntimeException e) {
			// a missing or locked account must not stop the scheduler; the next week, or a street's call, takes it
			log.warn("weekly readiness snapshots not taken as {}: {}", properties.snapshotAccount(), e.toString());
		}
	}
}
