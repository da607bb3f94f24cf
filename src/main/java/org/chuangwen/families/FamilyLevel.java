package org.chuangwen.families;

import java.util.Locale;
import org.chuangwen.platform.UserFacingException;

/** The level of the body that awarded the title, lowest first; Ⅲ-119 counts 区级 and above. */
enum FamilyLevel {
	COMMUNITY("社区级"), STREET("街道级"), DISTRICT("区级"), CITY("市级"), PROVINCE("省级"), NATIONAL("全国");

	private final String label;

	FamilyLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	boolean districtOrAbove() {
		return compareTo(DISTRICT) >= 0;
	}

	/** @throws UserFacingException 400 {@code invalid_level} for anything but one of the six names */
	static FamilyLevel parse(String text) {
		if (text != null) {
			for (FamilyLevel level : values()) {
				if (level.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
					return level;
				}
			}
		}
		throw UserFacingException.badRequest("invalid_level", "families.error.level");
	}
}
