package org.chuangwen.activities;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.chuangwen.evidence.Upload;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.springframework.core.io.ByteArrayResource;

/**
 * What the parts of this module share about fields: times are typed and shown in Shanghai time but stored as instants,
 * typed text is checked the same way wherever it comes in (a worker's form or a resident's phone), and generated
 * documents are filed as uploads like any other.
 */
final class ActivityFields {

	static final ZoneId SHANGHAI = Zones.SHANGHAI;

	private ActivityFields() {}

	interface Writer {
		void write(OutputStream out) throws IOException;
	}

	static byte[] bytes(Writer writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			writer.write(out);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static Upload upload(String name, byte[] bytes) {
		return new Upload(name, bytes.length, new ByteArrayResource(bytes));
	}

	static Timestamp utc(LocalDateTime local) {
		return Timestamp.from(local.atZone(SHANGHAI).toInstant());
	}

	static LocalDateTime local(Instant instant) {
		return instant.atZone(SHANGHAI).toLocalDateTime();
	}

	static LocalDateTime localOrNull(Timestamp timestamp) {
		return timestamp == null ? null : local(timestamp.toInstant());
	}

	/** A phone number as stored: digits (and a leading +) only. */
	static String phoneDigits(String phone) {
		String digits = phone == null ? "" : phone.replaceAll("[\\s-]", "");
		if (!digits.matches("\\+?\\d{7,15}")) {
			throw UserFacingException.badRequest("invalid_phone", "error.activity.phone");
		}
		return digits;
	}

	static String required(String text, int limit, String key) {
		if (text == null || text.isBlank() || text.strip().length() > limit) {
			throw UserFacingException.badRequest("invalid_field", key, limit);
		}
		return text.strip();
	}

	static String optional(String text, int limit, String key) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.strip().length() > limit) {
			throw UserFacingException.badRequest("invalid_field", key, limit);
		}
		return text.strip();
	}

	static Integer positive(Integer value) {
		if (value != null && value < 0) {
			throw UserFacingException.badRequest("invalid_number", "error.activity.number");
		}
		return value;
	}
}
