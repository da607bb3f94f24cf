package org.chuangwen.people;

import java.time.LocalDate;

/**
 * A resident as other modules may know them: identity and address, personal numbers masked only.
 *
 * @param orgPath the materialized path of the resident's building (the scope they fall under)
 */
public record ResidentRef(long id, String name, String sex, LocalDate birthDate, long buildingId, String orgPath, String idNumberMasked,
		String phoneMasked) {}
