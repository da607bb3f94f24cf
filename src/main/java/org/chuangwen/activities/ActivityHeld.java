package org.chuangwen.activities;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An activity was held and its attendance sheet filed: what it was and who took part, carried for the ledgers kept
 * elsewhere (volunteer service records, 公益活动参与率). Published again when the sheet is filed again, so listeners
 * must be idempotent per {@code activityId}. Times are local (Asia/Shanghai); a person is known by the keyed hash
 * of the phone ({@code PersonalData.lookupHash}), never by the number.
 */
public record ActivityHeld(long activityId, long orgUnitId, String orgPath, List<Long> indicatorIds, String category, String title,
		String place, String organizer, LocalDateTime startsAt, LocalDateTime endsAt, List<Attendee> attendees) {

	public ActivityHeld {
		indicatorIds = List.copyOf(indicatorIds);
		attendees = List.copyOf(attendees);
	}

	/** One person who checked in; {@code checkedOutAt} is null unless a volunteer checked out. */
	public record Attendee(String name, String phoneHash, boolean volunteer, LocalDateTime checkedInAt, LocalDateTime checkedOutAt) {

		/** Minutes served, or null while the check-out is missing. */
		public Integer minutes() {
			return checkedInAt == null || checkedOutAt == null ? null : (int) Duration.between(checkedInAt, checkedOutAt).toMinutes();
		}
	}

	public LocalDate heldOn() {
		return startsAt.toLocalDate();
	}

	public int participants() {
		return attendees.size();
	}

	public int volunteers() {
		return (int) attendees.stream().filter(Attendee::volunteer).count();
	}

	/** One entry per volunteer who checked in and out. */
	public List<Integer> volunteerMinutes() {
		return attendees.stream().filter(Attendee::volunteer).map(Attendee::minutes).filter(Objects::nonNull).toList();
	}
}
