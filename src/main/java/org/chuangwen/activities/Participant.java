package org.chuangwen.activities;

import java.time.LocalDateTime;

/**
 * Someone who signed up for or checked in to an activity; the phone is masked unless revealed. {@code shortService}:
 * checked out sooner than the minimum service time ({@link ActivityProperties#minimumService()}), for a worker to check.
 */
record Participant(long id, String name, String phone, Role role, LocalDateTime signedUpAt, LocalDateTime checkedInAt,
		LocalDateTime checkedOutAt, String recordedBy, boolean shortService) {

	public enum Role {
		RESIDENT("居民"), VOLUNTEER("志愿者");

		private final String label;

		Role(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public boolean attended() {
		return checkedInAt != null;
	}

	/** Minutes between check-in and check-out, or null while either is missing. */
	public Integer minutes() {
		return checkedInAt == null || checkedOutAt == null ? null : (int) java.time.Duration.between(checkedInAt, checkedOutAt).toMinutes();
	}

	Participant flaggedShort() {
		return new Participant(id, name, phone, role, signedUpAt, checkedInAt, checkedOutAt, recordedBy, true);
	}
}
