package org.chuangwen.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long audit entries are kept: {@code retention}, at least 180 days (等保 2.0 asks for six months); a shorter
 * value stops the start with a message rather than silently keeping less.
 */
@ConfigurationProperties("chuangwen.audit")
record AuditProperties(Duration retention) {

	static final Duration MINIMUM = Duration.ofDays(180);

	AuditProperties {
		if (retention == null) {
			retention = MINIMUM;
		}
		if (retention.compareTo(MINIMUM) < 0) {
			throw new IllegalArgumentException("chuangwen.audit.retention must be at least 180d (等保 2.0: 审计记录至少保存六个月), was " + retention);
		}
	}
}
