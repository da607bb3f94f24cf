package org.chuangwen.elections;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The targets an election is judged by: 参选率 at least {@code turnoutTarget} (Ⅲ-17: 0.8) and {@code planTurnoutTarget}
 * (the five-year plan: 0.9), 直选率 over the {@code planYears} up to the election (the plan: 5 years, 100%).
 */
@ConfigurationProperties("chuangwen.elections")
record ElectionProperties(BigDecimal turnoutTarget, BigDecimal planTurnoutTarget, Integer planYears) {

	ElectionProperties {
		turnoutTarget = turnoutTarget == null ? new BigDecimal("0.8") : turnoutTarget;
		planTurnoutTarget = planTurnoutTarget == null ? new BigDecimal("0.9") : planTurnoutTarget;
		planYears = planYears == null ? 5 : planYears;
		if (planYears < 1) {
			throw new IllegalArgumentException("chuangwen.elections.plan-years must be at least 1");
		}
	}
}
