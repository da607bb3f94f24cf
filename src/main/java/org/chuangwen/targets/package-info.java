/**
 * Targets (指标目标): every quantitative target of the catalog and the plans, with the figure it is judged by, computed
 * by the module that keeps the rows ({@link org.chuangwen.targets.Measure}) or declared with a supporting material.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Targets")
package org.chuangwen.targets;
