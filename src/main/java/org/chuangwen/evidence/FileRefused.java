package org.chuangwen.evidence;

/**
 * A file whose content is over an inspection limit (see {@link EvidenceProperties.Inspection}); the message key takes
 * the file's name as {0}, then {@link #args}.
 */
class FileRefused extends Exception {

	private final String messageKey;
	private final transient Object[] args;

	FileRefused(String messageKey, Object... args) {
		super(messageKey, null, false, false);
		this.messageKey = messageKey;
		// numbers as written, without grouping: "30000×30000", not "30,000×30,000"
		this.args = java.util.Arrays.stream(args).map(a -> a instanceof Number ? a.toString() : a).toArray();
	}

	String messageKey() {
		return messageKey;
	}

	Object[] args() {
		return args.clone();
	}
}
