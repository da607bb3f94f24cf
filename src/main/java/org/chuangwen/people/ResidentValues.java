package org.chuangwen.people;

import java.util.List;
import org.chuangwen.platform.PersonalData;

/** The checked values of one resident, from a roster row or the form, ready to be written. */
record ResidentValues(long buildingId, String orgPath, String name, IdNumber id, String phone, String unitNo, String roomNo, String relation,
		String category, List<String> careGroups) {

	ResidentValues {
		careGroups = List.copyOf(careGroups);
	}

	/** A keyed hash of every value: equal fingerprints mean a re-imported row changes nothing. */
	String fingerprint(PersonalData personalData) {
		return personalData.lookupHash(String.join("\u001f", String.valueOf(buildingId), name, id.value(), nz(phone), nz(unitNo), nz(roomNo),
				nz(relation), nz(category), String.join("、", careGroups)));
	}

	String careGroupText() {
		return String.join("、", careGroups);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
