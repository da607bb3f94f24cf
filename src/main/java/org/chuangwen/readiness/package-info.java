/**
 * Live readiness: evidence completeness per community and indicator, kept as counters updated in the same
 * transaction as every filing, rolled up and ranked for streets and districts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Readiness")
package org.chuangwen.readiness;
