package org.chuangwen.backup;

/** A backup or restore that must not go ahead; the message says why, in Chinese and English. */
class BackupRefused extends RuntimeException {

	BackupRefused(String message) {
		super(message);
	}
}
