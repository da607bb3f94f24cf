package org.chuangwen.catalog;

import org.springframework.context.MessageSourceResolvable;

/**
 * One problem found in an edition's source and what the import did about it. {@code detail} and {@code action}
 * are resolvable messages: generated findings use message keys, findings declared in the file carry their text.
 */
record Finding(String indicatorCode, String field, String problem, MessageSourceResolvable detail, MessageSourceResolvable action) {}
