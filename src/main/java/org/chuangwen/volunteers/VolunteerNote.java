package org.chuangwen.volunteers;

import java.time.LocalDate;

/** Training (培训), a commendation (表彰) or a quality evaluation (服务评价) of a volunteer, by 民政部令第67号. */
record VolunteerNote(long id, long volunteerId, String kind, LocalDate date, String title, String detail, String recordedBy) {

	public static final java.util.List<String> KINDS = java.util.List.of("TRAINING", "COMMENDATION", "EVALUATION");
}
