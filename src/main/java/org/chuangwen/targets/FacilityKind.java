package org.chuangwen.targets;

import java.util.List;
import org.chuangwen.platform.UserFacingException;

/**
 * The 十一五 plan's 四室两栏一中心一站一场所 (seed lines 230–244). Each kind names the indicator whose box its photo goes
 * into, chosen by what the box is about: rooms for culture and the elderly → Ⅲ-34 文化事业, the police room → Ⅲ-91 安全保障,
 * the outdoor ground with its fitness path → Ⅲ-37 体育设施与体育活动, the health station → Ⅲ-93 (卫生进社区), the office
 * and the 居务公开栏 → Ⅲ-17 社区民主建设与管理 (居务公开 is its democratic supervision), the service centre → Ⅲ-117
 * 文明社区创建, the 宣传栏 → Ⅲ-116 讲文明树新风 (宣传普及). Each also names the targets it is checked against.
 */
enum FacilityKind {

	OFFICE("办公用房", "Ⅲ-17", true, false, false, List.of("facility-office-area", "office-service-area")),
	MULTIPURPOSE("多功能活动室(含资料图书室)", "Ⅲ-34", true, true, false, List.of("facility-multipurpose-area", "library-books")),
	POLICE("警务室", "Ⅲ-91", true, false, false, List.of("facility-police-area")),
	ELDERLY("老年活动室", "Ⅲ-34", true, false, false, List.of("facility-elderly-area")),
	OUTDOOR("户外活动场所", "Ⅲ-37", true, false, true, List.of("facility-outdoor-area", "facility-fitness-path")),
	SERVICE_CENTER("社区服务中心", "Ⅲ-117", true, false, false, List.of("facility-service-center-area", "office-service-area")),
	HEALTH_STATION("社区卫生服务站", "Ⅲ-93", true, false, false, List.of("facility-health-station-area")),
	NOTICE_BOARD("居务公开栏", "Ⅲ-17", false, false, false, List.of("facility-notice-board")),
	PUBLICITY_BOARD("宣传栏", "Ⅲ-116", false, false, false, List.of("facility-publicity-board"));

	final String label;
	final String indicatorCode;
	final boolean hasArea;
	final boolean hasBooks;
	final boolean hasFitnessPath;
	final List<String> targetKeys;

	FacilityKind(String label, String indicatorCode, boolean hasArea, boolean hasBooks, boolean hasFitnessPath, List<String> targetKeys) {
		this.label = label;
		this.indicatorCode = indicatorCode;
		this.hasArea = hasArea;
		this.hasBooks = hasBooks;
		this.hasFitnessPath = hasFitnessPath;
		this.targetKeys = targetKeys;
	}

	/** Templates read enum fields through getters. */
	public String getLabel() {
		return label;
	}

	public String getIndicatorCode() {
		return indicatorCode;
	}

	public boolean isHasArea() {
		return hasArea;
	}

	public boolean isHasBooks() {
		return hasBooks;
	}

	public boolean isHasFitnessPath() {
		return hasFitnessPath;
	}

	static FacilityKind parse(String text) {
		String given = text == null ? "" : text.strip();
		for (FacilityKind kind : values()) {
			if (kind.name().equalsIgnoreCase(given) || kind.label.equals(given)) {
				return kind;
			}
		}
		throw UserFacingException.badRequest("invalid_facility", "error.facilities.kind");
	}
}
