package org.chuangwen.elections;

import java.time.LocalDate;

/** A term's election in a community, as stored; {@code orgPath} is the community's path (the election's scope). */
record Election(long id, long orgUnitId, String orgPath, LocalDate date, ElectionKind kind, String createdBy) {}
