package org.chuangwen.evidence;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates, within limits, the streams of a PDF that a reader must decode just to open it: cross-reference streams
 * ({@code /Type /XRef}) and object streams ({@code /Type /ObjStm}). PDFBox decodes those on the heap while loading,
 * so a 1 MB PDF whose cross-reference stream expands to 1 GB would exhaust the memory before a page is counted.
 * Content and image streams are never decoded here, so scanned pages of any size pass.
 */
final class PdfInspection {

	private static final byte[] XREF = "/XRef".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] OBJECT_STREAM = "/ObjStm".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);
	/** How far after the type the stream may begin: the rest of the dictionary. */
	private static final int DICTIONARY_REACH = 4096;

	private PdfInspection() {}

	/** @throws FileRefused when such a stream expands beyond {@code limit} bytes or the time runs out */
	static void inspect(byte[] pdf, long limit, EvidenceProperties.Inspection limits, long deadline) throws FileRefused {
		for (byte[] type : new byte[][] {XREF, OBJECT_STREAM}) {
			for (int at = indexOf(pdf, type, 0, pdf.length); at >= 0; at = indexOf(pdf, type, at + type.length, pdf.length)) {
				int stream = indexOf(pdf, STREAM, at, Math.min(pdf.length, at + DICTIONARY_REACH));
				if (stream >= 0 && expanded(pdf, dataStart(pdf, stream + STREAM.length), limit, deadline) > limit) {
					throw new FileRefused("error.upload.pdf.stream", limit >> 20);
				}
				if (System.nanoTime() - deadline > 0) {
					throw new FileRefused("error.upload.too-slow", limits.timeBudget().toSeconds());
				}
			}
		}
	}

	private static int dataStart(byte[] pdf, int i) {
		if (i < pdf.length && pdf[i] == '\r') {
			i++;
		}
		if (i < pdf.length && pdf[i] == '\n') {
			i++;
		}
		return i;
	}

	/** Bytes the zlib data at {@code start} expands to, counted up to just past {@code limit}; 0 when it is not zlib. */
	private static long expanded(byte[] pdf, int start, long limit, long deadline) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(pdf, start, pdf.length - start);
			byte[] out = new byte[64 * 1024];
			long total = 0;
			while (!inflater.finished() && total <= limit && System.nanoTime() - deadline < 0) {
				int n = inflater.inflate(out);
				if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				total += n;
			}
			return total;
		} catch (DataFormatException notZlib) {
			return 0;
		} finally {
			inflater.end();
		}
	}

	private static int indexOf(byte[] data, byte[] what, int from, int to) {
		outer:
		for (int i = from; i <= to - what.length; i++) {
			for (int j = 0; j < what.length; j++) {
				if (data[i + j] != what[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
