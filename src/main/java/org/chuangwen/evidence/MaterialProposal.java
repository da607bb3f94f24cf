package org.chuangwen.evidence;

import java.time.LocalDate;

/**
 * What the upload form proposes once files are chosen: 题名 from the first file's name (without its extension), 成文日期
 * from what the files carry ({@code dateSource} {@code photo}, {@code document} or {@code pdf}; both null when none
 * carries a date, and the date must then be typed) and 责任者 the unit's name.
 */
record MaterialProposal(String title, LocalDate dateFormed, String dateSource, String responsibleParty) {}
