package org.chuangwen.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of one audit entry: SHA-256 over the previous entry's hash and every field in a fixed order. Each
 * field is written as its UTF-8 length, a colon and its bytes ({@code -} for null), so no two different entries
 * encode alike ("ab","c" is not "a","bc"). Time is UTC with exactly six fraction digits: the precision both H2
 * and PostgreSQL keep, so the hash computed before the insert is the one recomputed from the stored row.
 */
final class ChainHash {

	static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter UTC_MICROS =
			DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

	private ChainHash() {}

	/** The instant as stored: truncated to microseconds. */
	static Instant stored(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	static String of(String previousHash, AuditEntry e) {
		MessageDigest sha = sha256();
		field(sha, previousHash);
		field(sha, Long.toString(e.id()));
		field(sha, UTC_MICROS.format(stored(e.occurredAt())));
		field(sha, e.actor());
		field(sha, e.action());
		field(sha, e.objectType());
		field(sha, e.objectId());
		field(sha, e.orgUnitId() == null ? null : e.orgUnitId().toString());
		field(sha, e.address());
		field(sha, e.detail());
		return HexFormat.of().formatHex(sha.digest());
	}

	private static void field(MessageDigest sha, String value) {
		if (value == null) {
			sha.update((byte) '-');
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		sha.update(bytes);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}
}
