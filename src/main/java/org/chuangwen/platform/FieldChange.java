package org.chuangwen.platform;

import java.time.Instant;

/** One field of a record (a material, an activity) as it was corrected: who changed it when, from what to what (null: empty). */
public record FieldChange(String field, String oldValue, String newValue, String changedBy, Instant changedAt) {}
