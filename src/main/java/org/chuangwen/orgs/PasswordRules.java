package org.chuangwen.orgs;

/** The password policy in force, for telling people what a new password needs. {@code maxAgeDays} 0: no expiry. */
record PasswordRules(int minLength, int minClasses, int history, long maxAgeDays) {}
