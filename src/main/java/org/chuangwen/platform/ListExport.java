package org.chuangwen.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import org.springframework.http.HttpHeaders;

/**
 * A list export whose filters and scope were checked when it was made, so that a refusal can still be answered as an
 * error; writing starts only once the answer does.
 */
public record ListExport(String fileName, Writer writer) {

	public interface Writer {
		void write(OutputStream out) throws IOException;
	}

	/** Sends the workbook as a download. */
	public void send(HttpServletResponse response) throws IOException {
		response.setContentType(Downloads.XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName));
		writer.write(response.getOutputStream());
	}
}
