package org.chuangwen.audit;

import java.io.IOException;
import java.io.OutputStream;

/** An accepted and recorded export of the audit log, ready to be written (streaming) once the answer starts. */
interface AuditExport {

	/** A file name such as {@code 审计日志-2026-11-01至2026-11-29.xlsx}. */
	String fileName();

	void writeTo(OutputStream out) throws IOException;
}
