package org.chuangwen.volunteers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What the public verification page shows of a certificate: never more than the masked name and the totals. */
record CertificateCheck(String number, String maskedName, BigDecimal totalHours, LocalDate issuedOn, String unitName, Verdict verdict) {

	/** Genuine and unchanged; genuine but its records were corrected after issue; or not what was issued. */
	public enum Verdict {
		GENUINE, CHANGED_SINCE, NOT_GENUINE
	}

	public boolean genuine() {
		return verdict == Verdict.GENUINE;
	}
}
