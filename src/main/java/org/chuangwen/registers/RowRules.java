package org.chuangwen.registers;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chuangwen.people.ResidentRef;
import org.chuangwen.platform.Dates;
import org.chuangwen.platform.PersonalData;
import org.chuangwen.platform.Text;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The rules of one row under a schema: text as typed (a sheet's cell or a JSON value) becomes the stored values, or the
 * first reason it cannot. The same rules serve the form, the API and the import, so a row refused in one is refused in
 * all. A refusal never quotes a phone number or 身份证号.
 */
final class RowRules {

	static final int TEXT_LIMIT = 200;
	private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
	// Excel shows a date cell in the US short form unless the sheet says otherwise
	private static final Pattern MDY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2})");
	private static final String ID_WEIGHTS = "7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2";
	private static final String ID_CHECK = "10X98765432";

	private final Schema schema;
	private final String unitPath;
	private final LongFunction<Optional<ResidentRef>> residents;
	private final PersonalData personalData;

	/**
	 * @param unitPath the path of the unit the row belongs to: a person must live at or below it
	 * @param residents the residents the caller may read, by id
	 */
	RowRules(Schema schema, String unitPath, LongFunction<Optional<ResidentRef>> residents, PersonalData personalData) {
		this.schema = schema;
		this.unitPath = unitPath;
		this.residents = residents;
		this.personalData = personalData;
	}

	/** A row ready to store, or the reason it is refused. */
	record Checked(Map<String, Object> values, String rowKey, String fingerprint, String searchText, String lookupHashes,
			DefaultMessageSourceResolvable reason) {

		static Checked refused(String key, Object... args) {
			return new Checked(null, null, null, null, null, new DefaultMessageSourceResolvable(new String[] {key}, args));
		}
	}

	/**
	 * @param typed the text per column key (missing keys are blank)
	 * @param current the stored values of the row being changed, or an empty map: a personal column typed as its masked
	 *        form keeps its stored value, and values of retired columns are carried over
	 */
	Checked check(Map<String, String> typed, Map<String, Object> current) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Column c : schema.columns()) {
			String raw = typed.getOrDefault(c.key(), "");
			raw = raw == null ? "" : raw.strip();
			if (Text.firstInvalid(raw, false) >= 0) {
				return Checked.refused("registers.row.invalid-text", c.label());
			}
			if (raw.isEmpty()) {
				if (c.required()) {
					return Checked.refused("registers.row.required", c.label());
				}
				continue;
			}
			if (raw.length() > TEXT_LIMIT) {
				return Checked.refused("registers.row.too-long", c.label(), TEXT_LIMIT);
			}
			Object kept = current.get(c.key());
			if (c.personal() && kept instanceof Map<?, ?> stored && raw.equals(stored.get("masked"))) {
				values.put(c.key(), kept);
				continue;
			}
			Object value = value(c, raw);
			if (value instanceof DefaultMessageSourceResolvable reason) {
				return new Checked(null, null, null, null, null, reason);
			}
			values.put(c.key(), value);
		}
		for (Map.Entry<String, Object> old : current.entrySet()) {
			if (schema.column(old.getKey()).isEmpty()) {
				values.put(old.getKey(), old.getValue());
			}
		}
		String fingerprint = digest(canonical(values, schema.columns().stream().map(Column::key).toList()));
		String rowKey = schema.keyColumns().isEmpty() ? fingerprint : digest(canonical(values, schema.keyColumns()));
		return new Checked(values, rowKey, fingerprint, searchText(values), lookupHashes(values), null);
	}

	/** The row with the values of retired columns that {@code old} holds: they stay on the row when it changes. */
	Checked keepingRetired(Checked row, Map<String, Object> old) {
		Map<String, Object> values = new LinkedHashMap<>(row.values());
		old.forEach((key, value) -> {
			if (schema.column(key).isEmpty()) {
				values.putIfAbsent(key, value);
			}
		});
		return new Checked(values, row.rowKey(), row.fingerprint(), row.searchText(), row.lookupHashes(), null);
	}

	/** The stored form of one typed value, or the reason it does not fit the column. */
	Object value(Column c, String raw) {
		switch (c.type()) {
			case Column.NUMBER -> {
				try {
					return new BigDecimal(raw.replace(",", "").replace("，", "")).stripTrailingZeros().toPlainString();
				} catch (NumberFormatException e) {
					return reason("registers.row.number", c.label(), echo(raw));
				}
			}
			case Column.DATE -> {
				LocalDate date = date(raw);
				return date == null ? reason("registers.row.date", c.label(), echo(raw)) : date.toString();
			}
			case Column.CHOICE -> {
				return c.options().contains(raw) ? raw : reason("registers.row.choice", c.label(), echo(raw), String.join("、", c.options()));
			}
			case Column.PHONE -> {
				String phone = raw.replaceAll("[\\s-]", "");
				if (!phone.matches("1\\d{10}|0\\d{9,11}")) {
					return reason("registers.row.phone", c.label());
				}
				return personal(phone, PersonalData.maskPhone(phone));
			}
			case Column.ID_NUMBER -> {
				String id = raw.toUpperCase(Locale.ROOT);
				if (!validId(id)) {
					return reason("registers.row.id-number", c.label());
				}
				return personal(id, id.substring(0, 6) + "********" + id.substring(14));
			}
			case Column.PERSON -> {
				Optional<ResidentRef> person = raw.matches("\\d{1,18}") ? residents.apply(Long.parseLong(raw)) : Optional.empty();
				if (person.isEmpty() || !person.get().orgPath().startsWith(unitPath)) {
					return reason("registers.row.person", c.label(), echo(raw));
				}
				Map<String, Object> ref = new LinkedHashMap<>();
				ref.put("id", person.get().id());
				ref.put("name", person.get().name());
				return ref;
			}
			default -> {
				return raw;
			}
		}
	}

	private Map<String, Object> personal(String plain, String masked) {
		Map<String, Object> stored = new LinkedHashMap<>();
		stored.put("enc", personalData.encrypt(plain));
		stored.put("hash", personalData.lookupHash(plain));
		stored.put("masked", masked);
		return stored;
	}

	/** The value as pages, exports and the API show it: masked personal data, a resident by name. */
	static String display(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Map<?, ?> map) {
			return map.containsKey("masked") ? String.valueOf(map.get("masked")) : map.get("name") + "(" + map.get("id") + ")";
		}
		return value.toString();
	}

	static LocalDate date(String raw) {
		try {
			Matcher ymd = YMD.matcher(raw);
			LocalDate date = null;
			if (ymd.matches()) {
				date = LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)), Integer.parseInt(ymd.group(3)));
			}
			Matcher mdy = MDY.matcher(raw);
			if (mdy.matches()) {
				int year = Integer.parseInt(mdy.group(3));
				date = LocalDate.of(year < 50 ? 2000 + year : 1900 + year, Integer.parseInt(mdy.group(1)), Integer.parseInt(mdy.group(2)));
			}
			return date == null || date.isBefore(Dates.EARLIEST) || date.isAfter(Dates.LATEST) ? null : date;
		} catch (DateTimeException e) {
			return null;
		}
	}

	/** GB 11643: seventeen digits and the check character. */
	static boolean validId(String id) {
		if (!id.matches("\\d{17}[\\dX]")) {
			return false;
		}
		String[] weights = ID_WEIGHTS.split(" ");
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (id.charAt(i) - '0') * Integer.parseInt(weights[i]);
		}
		return ID_CHECK.charAt(sum % 11) == id.charAt(17);
	}

	private static DefaultMessageSourceResolvable reason(String key, Object... args) {
		return new DefaultMessageSourceResolvable(new String[] {key}, args);
	}

	private static String echo(String raw) {
		return raw.length() > 30 ? raw.substring(0, 30) + "…" : raw;
	}

	/** Personal values by their keyed hash, residents by id: a digest of this text reveals nothing. */
	private static String canonical(Map<String, Object> values, List<String> keys) {
		StringBuilder s = new StringBuilder();
		for (String key : keys) {
			Object v = values.get(key);
			s.append(key).append('=');
			if (v instanceof Map<?, ?> map) {
				s.append(map.containsKey("hash") ? map.get("hash") : "#" + map.get("id"));
			} else if (v != null) {
				s.append(v);
			}
			s.append('\u0001');
		}
		return s.toString();
	}

	private static String searchText(Map<String, Object> values) {
		StringBuilder s = new StringBuilder();
		for (Object v : values.values()) {
			if (v instanceof Map<?, ?> map && map.containsKey("name")) {
				s.append(map.get("name")).append(' ');
			} else if (!(v instanceof Map<?, ?>)) {
				s.append(v).append(' ');
			}
		}
		String text = s.toString().toLowerCase(Locale.ROOT);
		return text.length() > 4000 ? text.substring(0, 4000) : text;
	}

	private static String lookupHashes(Map<String, Object> values) {
		StringBuilder s = new StringBuilder();
		for (Object v : values.values()) {
			if (v instanceof Map<?, ?> map && map.containsKey("hash") && s.length() < 1300) {
				s.append(map.get("hash")).append(' ');
			}
		}
		return s.toString();
	}

	static String digest(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
