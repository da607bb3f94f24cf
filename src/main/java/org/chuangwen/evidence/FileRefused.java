package org.chuangwen.evidence;

import java.util.Arrays;
import org.chuangwen.platform.UserFacingException;
import org.springframework.http.HttpStatus;

/**
 * A file whose content is over an inspection limit (see {@link EvidenceProperties.Inspection}); the message key takes
 * the file's name as {0}, then the values that tell which limit (an entry's name, the limit itself).
 */
class FileRefused extends Exception {

	private final String messageKey;
	private final transient Object[] args;

	FileRefused(String messageKey, Object... args) {
		super(messageKey, null, false, false);
		this.messageKey = messageKey;
		// numbers as written, without grouping: "30000×30000", not "30,000×30,000"
		this.args = Arrays.stream(args).map(a -> a instanceof Number ? a.toString() : a).toArray();
	}

	/** The answer to the user: {@code 422 file_too_complex}, naming the file and the limit it crossed. */
	UserFacingException toUserFacing(String fileName) {
		Object[] named = new Object[args.length + 1];
		named[0] = fileName;
		System.arraycopy(args, 0, named, 1, args.length);
		return new UserFacingException(HttpStatus.UNPROCESSABLE_ENTITY, "file_too_complex", messageKey, named);
	}
}
