package org.chuangwen.orgs;

/** Whether an account's password may still be used for anything but changing it. */
enum PasswordState {
	CURRENT,
	/** A new account, or one whose password a security administrator reset. */
	MUST_CHANGE,
	/** Older than the policy's maximum age. */
	EXPIRED;

	boolean changeRequired() {
		return this != CURRENT;
	}
}
