package org.chuangwen.activities;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What other modules may learn from an activity's check-in code, which anyone holding the printed QR code knows anyway:
 * which activity and unit it belongs to. The volunteers' public self-registration page starts from it.
 */
@Component
public class CheckInCodes {

	/** The activity behind a check-in code, as a stranger with the code may see it. */
	public record CodedActivity(long id, long orgUnitId, String orgUnitName, String title, String checkInCode) {}

	private final Activities activities;

	CheckInCodes(Activities activities) {
		this.activities = activities;
	}

	public Optional<CodedActivity> find(String code) {
		return activities.byCode(code)
				.map(a -> new CodedActivity(a.id(), a.orgUnitId(), a.orgUnitName(), a.title(), a.checkInCode()));
	}
}
