package org.chuangwen.people;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.Text;
import org.chuangwen.platform.UserFacingException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The roster's columns and the rules of one row. Columns are found by their header, so a worker's own sheet with
 * extra columns (or the error report with its 错误原因 column) can be uploaded as it is.
 */
final class Roster {

	static final String NAME = "姓名";
	static final String SEX = "性别";
	static final String ID_NUMBER = "身份证号";
	static final String PHONE = "联系电话";
	static final String BUILDING = "楼栋";
	static final String UNIT = "单元";
	static final String ROOM = "门牌";
	static final String RELATION = "户主关系";
	static final String CATEGORY = "人员类别";
	static final String CARE_GROUPS = "关爱群体";
	static final String REASON = "错误原因";

	/** The template's columns, in order. */
	static final List<String> COLUMNS = List.of(NAME, SEX, ID_NUMBER, PHONE, BUILDING, UNIT, ROOM, RELATION, CATEGORY, CARE_GROUPS);
	static final List<String> REQUIRED = List.of(NAME, SEX, ID_NUMBER, BUILDING);

	private static final int TEXT_LIMIT = 50;

	private final Map<String, Integer> index = new HashMap<>();
	private final OrgUnit unit;
	private final Map<String, List<OrgUnit>> buildings;
	private final Set<String> careGroups;

	/**
	 * @param unit the unit imported into (a building, grid or community)
	 * @param buildings the buildings at or below {@code unit}
	 * @throws UserFacingException {@code 400 invalid_roster} when a required column is missing
	 */
	Roster(List<String> headers, OrgUnit unit, List<OrgUnit> buildings, Set<String> careGroups) {
		for (int i = 0; i < headers.size(); i++) {
			index.putIfAbsent(headers.get(i).strip(), i);
		}
		List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
		if (!missing.isEmpty()) {
			throw UserFacingException.badRequest("invalid_roster", "people.import.missing-columns", String.join("、", missing));
		}
		this.unit = unit;
		this.buildings = new HashMap<>();
		for (OrgUnit b : buildings) {
			this.buildings.computeIfAbsent(b.name().strip(), k -> new ArrayList<>()).add(b);
		}
		this.careGroups = careGroups;
	}

	/** A row's values, or the reason it is refused. */
	record Checked(ResidentValues values, DefaultMessageSourceResolvable reason) {

		static Checked refused(String key, Object... args) {
			return new Checked(null, new DefaultMessageSourceResolvable(new String[] {key}, args));
		}
	}

	Checked check(List<String> cells) {
		for (String cell : cells) {
			if (Text.firstInvalid(cell, false) >= 0) {
				return Checked.refused("people.row.invalid-text");
			}
		}
		String name = cell(cells, NAME);
		if (name.isEmpty()) {
			return Checked.refused("people.row.name-missing");
		}
		if (name.length() > TEXT_LIMIT) {
			return Checked.refused("people.row.too-long", NAME, TEXT_LIMIT);
		}
		String raw = cell(cells, ID_NUMBER);
		Optional<String> problem = IdNumber.problem(raw);
		if (problem.isPresent()) {
			return Checked.refused(problem.get());
		}
		IdNumber id = IdNumber.of(raw);
		String sex = cell(cells, SEX);
		if (!sex.isEmpty() && !sex.equals(id.sex())) {
			return Checked.refused("people.row.sex-mismatch", sex, id.sex());
		}
		String phone = cell(cells, PHONE).replaceAll("[\\s-]", "");
		if (!phone.isEmpty() && !phone.matches("1\\d{10}|0\\d{9,11}")) {
			return Checked.refused("people.row.phone");
		}
		String buildingName = cell(cells, BUILDING);
		OrgUnit building;
		if (buildingName.isEmpty() || buildingName.equals(unit.name().strip())) {
			if (unit.kind() != org.chuangwen.orgs.OrgKind.BUILDING) {
				return Checked.refused("people.row.building-missing");
			}
			building = unit;
		} else {
			List<OrgUnit> matches = buildings.getOrDefault(buildingName, List.of());
			if (matches.isEmpty()) {
				return Checked.refused("people.row.building-unknown", buildingName, unit.name());
			}
			if (matches.size() > 1) {
				return Checked.refused("people.row.building-ambiguous", buildingName);
			}
			building = matches.get(0);
		}
		TreeSet<String> groups = new TreeSet<>();
		for (String tag : cell(cells, CARE_GROUPS).split("[,，、;；\\s]+")) {
			if (tag.isBlank()) {
				continue;
			}
			if (!careGroups.contains(tag)) {
				return Checked.refused("people.row.care-group", tag);
			}
			groups.add(tag);
		}
		for (String column : List.of(UNIT, ROOM, RELATION, CATEGORY)) {
			if (cell(cells, column).length() > TEXT_LIMIT) {
				return Checked.refused("people.row.too-long", column, TEXT_LIMIT);
			}
		}
		return new Checked(new ResidentValues(building.id(), building.path(), name, id, phone.isEmpty() ? null : phone, blankToNull(cell(cells, UNIT)),
				blankToNull(cell(cells, ROOM)), blankToNull(cell(cells, RELATION)), blankToNull(cell(cells, CATEGORY)), List.copyOf(groups)), null);
	}

	private String cell(List<String> cells, String column) {
		Integer i = index.get(column);
		return i == null || i >= cells.size() ? "" : cells.get(i).strip();
	}

	private static String blankToNull(String s) {
		return s.isEmpty() ? null : s;
	}
}
