package org.chuangwen.courtyards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chuangwen.courtyards.Checklist.Item;
import org.chuangwen.courtyards.Checklist.Standard;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;

/**
 * Turns what an inspector sent into one mark per checklist item. A code names an item ({@code 1.2}) or a whole standard
 * ({@code 2}, marking each of its items alike); an unknown code, an item marked twice or nothing marked at all is
 * refused with {@code 400 invalid_standard}. Items left out count as not met.
 */
final class Marks {

	/** One line as sent: {@code met} null counts as not met; {@code note} is optional. */
	record Mark(String code, Boolean met, String note) {}

	/** An item's mark in an inspection. */
	record Resolved(boolean met, String note) {}

	static final int NOTE_LENGTH = 500;

	private Marks() {}

	/** Item code → mark, in checklist order, covering every item of the checklist. */
	static Map<String, Resolved> resolve(List<Standard> standards, List<Mark> marks) {
		if (marks == null || marks.isEmpty()) {
			throw UserFacingException.badRequest("invalid_standard", "error.courtyard.no-marks");
		}
		Map<String, Item> items = new LinkedHashMap<>();
		Map<String, Standard> byCode = new LinkedHashMap<>();
		for (Standard standard : standards) {
			byCode.put(standard.code(), standard);
			standard.items().forEach(item -> items.put(item.code(), item));
		}
		Map<String, Resolved> given = new LinkedHashMap<>();
		for (Mark mark : marks) {
			String code = mark == null || mark.code() == null ? "" : mark.code().strip();
			List<Item> covered = items.containsKey(code) ? List.of(items.get(code))
					: byCode.containsKey(code) ? byCode.get(code).items() : null;
			if (covered == null) {
				throw UserFacingException.badRequest("invalid_standard", "error.courtyard.unknown-code", code);
			}
			String note = Text.blankToNull(mark.note());
			if (note != null) {
				Text.check("note", note, true);
				if (note.length() > NOTE_LENGTH) {
					throw UserFacingException.badRequest("invalid_standard", "error.courtyard.note-too-long", code, NOTE_LENGTH);
				}
			}
			for (Item item : covered) {
				if (given.put(item.code(), new Resolved(Boolean.TRUE.equals(mark.met()), note)) != null) {
					throw UserFacingException.badRequest("invalid_standard", "error.courtyard.twice", item.code());
				}
			}
		}
		Map<String, Resolved> all = new LinkedHashMap<>();
		items.keySet().forEach(code -> all.put(code, given.getOrDefault(code, new Resolved(false, null))));
		return all;
	}
}
