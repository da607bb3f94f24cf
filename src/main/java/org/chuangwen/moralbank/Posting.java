package org.chuangwen.moralbank;

import java.time.LocalDate;

/** One immutable movement: {@code points} (positive) leave the debit account and reach the credit account. */
record Posting(long id, long debitAccountId, long creditAccountId, long points, String kind, LocalDate date, String memo, Long reversesId,
		Long rewardId, Long serviceRecordId, String postedBy) {

	static final String DEPOSIT = "DEPOSIT";
	static final String DEDUCTION = "DEDUCTION";
	static final String REDEMPTION = "REDEMPTION";
	static final String REVERSAL = "REVERSAL";

	/** The amount as the account sees it: credits raise a balance, debits lower it. */
	public long signedFor(long accountId) {
		return creditAccountId == accountId ? points : -points;
	}
}
