/**
 * Inspector mode (测评员): a read-only tour of a community box by box with grades per indicator, reproducible
 * spot-check samples, the mock inspection (模拟测评) report, and doubt signals beside each material (the same photo
 * filed twice, near-duplicate pictures, camera times and document dates that contradict the date formed).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inspection")
package org.chuangwen.inspection;
