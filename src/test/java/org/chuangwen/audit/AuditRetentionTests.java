package org.chuangwen.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The retention as configured: at least 180 days, a shorter value stops the start with the reason. */
class AuditRetentionTests {

	@Test
	void retentionDefaultsTo180DaysAndLongerIsKept() {
		assertThat(bind(Map.of()).retention()).isEqualTo(Duration.ofDays(180));
		assertThat(bind(Map.of("chuangwen.audit.retention", "365d")).retention()).isEqualTo(Duration.ofDays(365));
	}

	@Test
	void lessThan180DaysIsRefusedAtStart() {
		assertThatThrownBy(() -> bind(Map.of("chuangwen.audit.retention", "30d")))
				.isInstanceOf(BindException.class)
				.rootCause()
				.hasMessageContaining("chuangwen.audit.retention must be at least 180d");
	}

	private static AuditProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
				.bindOrCreate("chuangwen.audit", AuditProperties.class);
	}
}
