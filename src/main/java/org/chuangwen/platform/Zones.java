package org.chuangwen.platform;

import java.time.ZoneId;

/** The platform's one time zone: every local date and time it stores or shows is Beijing time. */
public final class Zones {

	/** Asia/Shanghai: stored local times, "today", document dates. */
	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private Zones() {}
}
