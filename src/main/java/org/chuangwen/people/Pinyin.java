package org.chuangwen.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The pinyin of a name, stored when the name is written so that "zhangsan" and "zs" find 张三 with a plain LIKE.
 * Polyphones: every reading is indexed (单 → shan and dan, 曾 → zeng and ceng), because a surname is often read
 * the less common way; the combinations are capped so a long name cannot blow up the column.
 */
final class Pinyin {

	private static final int MAX_READINGS = 16;
	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	/** Space-separated full readings and initials, each list starting and ending with a space. */
	record Index(String full, String initials) {}

	private Pinyin() {}

	static Index of(String name) {
		List<String> fulls = List.of("");
		List<String> initials = List.of("");
		for (char c : name.toCharArray()) {
			List<String> readings = readings(c);
			if (readings.isEmpty()) {
				continue;
			}
			fulls = combine(fulls, readings, false);
			initials = combine(initials, readings, true);
		}
		return new Index(" " + String.join(" ", fulls) + " ", " " + String.join(" ", initials) + " ");
	}

	private static List<String> combine(List<String> prefixes, List<String> readings, boolean initialOnly) {
		Set<String> next = new LinkedHashSet<>();
		for (String prefix : prefixes) {
			for (String reading : readings) {
				if (next.size() >= MAX_READINGS) {
					break;
				}
				next.add(prefix + (initialOnly ? reading.substring(0, 1) : reading));
			}
		}
		return new ArrayList<>(next);
	}

	private static List<String> readings(char c) {
		if (Character.isLetterOrDigit(c) && c < 128) {
			return List.of(String.valueOf(c).toLowerCase(Locale.ROOT));
		}
		try {
			String[] all = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			if (all == null) {
				return List.of();
			}
			return new ArrayList<>(new LinkedHashSet<>(List.of(all)));
		} catch (BadHanyuPinyinOutputFormatCombination e) {
			throw new IllegalStateException(e);
		}
	}
}
