package org.chuangwen.people;

import java.util.List;

/**
 * The resident form. A blank 身份证号 or phone when editing keeps the stored one: the form never shows them in clear,
 * so it cannot send them back.
 */
record ResidentForm(Long buildingId, String name, String sex, String idNumber, String phone, String unitNo, String roomNo, String relation,
		String category, List<String> careGroups) {

	/** The form as a roster row, so that the form and the import check a person by the same rules. */
	List<String> cells(ResidentRows.Secrets current) {
		String id = blank(idNumber) && current != null ? current.idNumber() : nz(idNumber);
		String tel = blank(phone) && current != null && current.phone() != null ? current.phone() : nz(phone);
		return List.of(nz(name), nz(sex), id, tel, "", nz(unitNo), nz(roomNo), nz(relation), nz(category),
				careGroups == null ? "" : String.join("、", careGroups));
	}

	static ResidentForm of(ResidentView r) {
		return new ResidentForm(r.buildingId(), r.name(), r.sex(), "", "", r.unitNo(), r.roomNo(), r.relation(), r.category(),
				r.careGroups() == null || r.careGroups().isEmpty() ? List.of() : List.of(r.careGroups().split("、")));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
