package org.chuangwen.moralbank;

/** An account of the books: a resident's ({@code RESIDENT}) or one of a community's system accounts. */
record Account(long id, String kind, Long residentId, String holderName, long orgUnitId, String orgPath) {

	static final String RESIDENT = "RESIDENT";
	static final String ISSUANCE = "ISSUANCE";
	static final String REWARDS = "REWARDS";
	static final String DEDUCTIONS = "DEDUCTIONS";
}
