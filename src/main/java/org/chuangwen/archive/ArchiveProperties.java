package org.chuangwen.archive;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The parts of an archival code (档号) after DA/T 22-2015 — 全宗号-门类·年度-保管期限-机构(问题)-件号 — and where
 * exports are written. The problem part is the indicator's code; the retention (Y 永久, D30 定期30年, D10 定期10年)
 * follows the kind of material.
 */
@ConfigurationProperties("chuangwen.archive")
record ArchiveProperties(String fondsCode, String category, String defaultRetention, Map<String, String> retentionByKind,
		Path exportDir, int photosPerPage) {

	ArchiveProperties {
		if (fondsCode == null || fondsCode.isBlank()) {
			fondsCode = "Q001";
		}
		if (category == null || category.isBlank()) {
			category = "WS";
		}
		if (defaultRetention == null || defaultRetention.isBlank()) {
			defaultRetention = "D30";
		}
		Map<String, String> retention = new HashMap<>(Map.of("组织机构", "Y", "制度", "Y", "规划", "Y", "章程", "Y"));
		if (retentionByKind != null) {
			retention.putAll(retentionByKind);
		}
		retentionByKind = Map.copyOf(retention);
		if (exportDir == null) {
			exportDir = Path.of("data", "exports");
		}
		if (photosPerPage != 2 && photosPerPage != 4) {
			photosPerPage = 4;
		}
	}

	String retentionOf(String kind) {
		return retentionByKind.getOrDefault(kind, defaultRetention);
	}

	/** Sorting rank of a retention code: permanent first. */
	static int rank(String retention) {
		return switch (retention) {
			case "Y" -> 0;
			case "D30" -> 1;
			default -> 2;
		};
	}
}
