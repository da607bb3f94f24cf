package org.chuangwen.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Personal data (phone numbers, ID card numbers) at rest: encrypted with AES-256-GCM, found again through a keyed
 * hash (HMAC-SHA256) of its normalized form, and masked for display. The master key comes from
 * {@code chuangwen.personal-data.key} (Base64, 32 bytes) or, when that is empty, from a key file created on first
 * start with owner-only permissions.
 */
@Component
public class PersonalData {

	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryption;
	private final SecretKeySpec lookup;
	private final SecureRandom random = new SecureRandom();

	PersonalData(PersonalDataProperties settings) {
		byte[] master = settings.masterKey();
		this.encryption = new SecretKeySpec(derive(master, "encryption"), "AES");
		this.lookup = new SecretKeySpec(derive(master, "lookup"), "HmacSHA256");
	}

	/** Ciphertext for storage (Base64 of IV and AES-GCM output); null stays null. */
	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, iv));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public String decrypt(String stored) {
		if (stored == null) {
			return null;
		}
		try {
			byte[] bytes = Base64.getDecoder().decode(stored);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("personal data cannot be decrypted with this key", e);
		}
	}

	/** The keyed hash to find a value again without decrypting: digits only for phone numbers, upper case otherwise. */
	public String lookupHash(String plain) {
		String normalized = plain.replaceAll("[\\s-]", "").toUpperCase();
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(lookup);
			return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** 138****5678: the first three and the last four digits; shorter numbers show only their last two. */
	public static String maskPhone(String phone) {
		if (phone == null) {
			return "";
		}
		String digits = phone.replaceAll("[\\s-]", "");
		if (digits.length() >= 7) {
			return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
		}
		return digits.length() > 2 ? "****" + digits.substring(digits.length() - 2) : "****";
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
