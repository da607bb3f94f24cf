package org.chuangwen.elections;

import java.util.Arrays;
import java.util.Optional;

/** How a community's committee is elected; 直选率 counts {@link #DIRECT} elections over all elections of the plan period. */
enum ElectionKind {
	DIRECT("直接选举"),
	HOUSEHOLD("户代表选举"),
	REPRESENTATIVE("居民代表选举");

	private final String label;

	ElectionKind(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}

	/** By code ({@code DIRECT}) or by its Chinese name (直接选举). */
	static Optional<ElectionKind> parse(String text) {
		String value = text == null ? "" : text.strip();
		return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(value) || k.label.equals(value)).findFirst();
	}
}
