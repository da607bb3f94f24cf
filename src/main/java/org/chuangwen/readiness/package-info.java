/**
 * Live readiness: evidence completeness per community and indicator, kept as counters updated in the same
 * transaction as every filing, scored by the evaluation's state descriptions (completeness capped by the indicator's
 * targets, weighted by the edition), rolled up and ranked for streets and districts, with weekly snapshots for trends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Readiness")
package org.chuangwen.readiness;
