package org.chuangwen.catalog;

import java.time.Instant;

/** An edition as listed for administrators. */
record EditionSummary(long id, String code, String name, boolean active, Instant importedAt, String importedBy, String fileName, int indicators) {}
