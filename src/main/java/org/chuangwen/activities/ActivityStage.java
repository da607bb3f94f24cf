package org.chuangwen.activities;

import java.util.Locale;
import java.util.Optional;

/** The stages of an activity in their order, each with the evidence kind its materials are filed as. */
enum ActivityStage {
	PLAN("方案", "方案"),
	NOTICE("通知", "记录"),
	SIGNUP("报名", "记录"),
	ATTENDANCE("签到", "记录"),
	RECORD("记录", "记录"),
	PHOTOS("图片", "图片"),
	SUMMARY("总结", "总结"),
	BRIEFING("简报", "简报"),
	MEDIA("媒体报道", "媒体报道");

	private final String label;
	private final String kind;

	ActivityStage(String label, String kind) {
		this.label = label;
		this.kind = kind;
	}

	public String label() {
		return label;
	}

	/** The evidence kind of this stage's materials. */
	public String kind() {
		return kind;
	}

	/** A stage by its name in any case (photos, PHOTOS) or its Chinese label (图片). */
	public static Optional<ActivityStage> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = text.strip();
		for (ActivityStage stage : values()) {
			if (stage.name().equals(wanted.toUpperCase(Locale.ROOT)) || stage.label.equals(wanted)) {
				return Optional.of(stage);
			}
		}
		return Optional.empty();
	}
}
