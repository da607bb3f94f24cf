package org.chuangwen.platform;

import java.time.ZoneId;

/** The platform's one time zone: every local date and time it stores or shows is Beijing time. */
public final class Zones {

	/** The zone's id, for annotations that take a constant string (e.g. {@code @Scheduled(zone = ...)}). */
	public static final String SHANGHAI_ID = "Asia/Shanghai";

	/** Asia/Shanghai: stored local times, "today", document dates. */
	public static final ZoneId SHANGHAI = ZoneId.of(SHANGHAI_ID);

	private Zones() {}
}
