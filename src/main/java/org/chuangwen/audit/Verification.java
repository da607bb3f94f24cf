package org.chuangwen.audit;

/**
 * The outcome of recomputing the audit chain: {@code entries} is how many chained entries were checked (from the
 * first kept entry to the newest); {@code firstBrokenId} is the id of the first entry whose hash does not follow
 * from the one before (changed, removed or inserted around it), null when {@code valid}.
 */
record Verification(boolean valid, long entries, Long firstBrokenId) {}
