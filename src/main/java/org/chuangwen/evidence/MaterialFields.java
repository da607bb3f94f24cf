package org.chuangwen.evidence;

import java.time.LocalDate;
import org.chuangwen.catalog.Edition;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;

/**
 * The checks a material's described fields pass, the same whether they are typed when filing or when correcting, so
 * that a correction answers with the same error codes as the filing would have.
 */
final class MaterialFields {

	static final int TITLE_LIMIT = 300;
	static final int PARTY_LIMIT = 200;
	static final int NUMBER_LIMIT = 100;
	static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

	private MaterialFields() {}

	static String kind(Edition edition, String kind) {
		String stripped = kind == null ? "" : kind.strip();
		if (edition.kind(stripped).isEmpty()) {
			throw UserFacingException.badRequest("unknown_kind", "error.material.kind", stripped);
		}
		return stripped;
	}

	static String title(String title) {
		String stripped = title == null ? "" : Text.check("title", title, false).strip();
		if (stripped.isEmpty() || stripped.length() > TITLE_LIMIT) {
			throw UserFacingException.badRequest("invalid_title", "error.material.title", TITLE_LIMIT);
		}
		return stripped;
	}

	/** A date formed is known, not in the future and not before the People's Republic (a mistyped year). */
	static LocalDate dateFormed(LocalDate date, LocalDate today) {
		if (date == null || date.isAfter(today) || date.isBefore(EARLIEST)) {
			throw UserFacingException.badRequest("invalid_date", "error.material.date");
		}
		return date;
	}

	static String party(String party) {
		String value = blankToNull(Text.check("responsibleParty", party, false));
		if (value != null && value.length() > PARTY_LIMIT) {
			throw UserFacingException.badRequest("invalid_party", "error.material.party", PARTY_LIMIT);
		}
		return value;
	}

	static String documentNumber(String number) {
		String value = blankToNull(Text.check("documentNumber", number, false));
		if (value != null && value.length() > NUMBER_LIMIT) {
			throw UserFacingException.badRequest("invalid_document_number", "error.material.document-number", NUMBER_LIMIT);
		}
		return value;
	}

	static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
