package org.chuangwen.registers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a schema as an administrator types them on the admin page, one line each:
 * {@code 列名|键|类型|必填|选项1、选项2}. Types may be given in Chinese (文本, 数字, 日期, 选项, 居民, 电话, 身份证号).
 */
final class ColumnLines {

	private static final Map<String, String> TYPES = Map.of("文本", Column.TEXT, "数字", Column.NUMBER, "日期", Column.DATE, "选项", Column.CHOICE, "居民",
			Column.PERSON, "电话", Column.PHONE, "身份证号", Column.ID_NUMBER);

	private ColumnLines() {}

	/** @throws org.chuangwen.platform.UserFacingException {@code 400 invalid_register} naming the line */
	static List<Column> parse(String text) {
		List<Column> columns = new ArrayList<>();
		String[] lines = text == null ? new String[0] : text.split("\\R");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\\|", -1);
			if (parts.length < 3) {
				throw SchemaBook.invalid("registers.schema.line", i + 1);
			}
			String type = parts[2].strip();
			type = TYPES.getOrDefault(type, type.toLowerCase(Locale.ROOT));
			boolean required = parts.length > 3 && List.of("必填", "是", "required", "true").contains(parts[3].strip().toLowerCase(Locale.ROOT));
			List<String> options = parts.length > 4 && !parts[4].isBlank() ? Arrays.stream(parts[4].split("[、,，/]")).map(String::strip).toList() : List.of();
			columns.add(new Column(parts[1].strip(), parts[0].strip(), type, required, options));
		}
		return columns;
	}

	static String format(List<Column> columns) {
		StringBuilder s = new StringBuilder();
		for (Column c : columns) {
			s.append(c.label()).append('|').append(c.key()).append('|').append(c.type()).append('|').append(c.required() ? "必填" : "");
			if (!c.options().isEmpty()) {
				s.append('|').append(String.join("、", c.options()));
			}
			s.append('\n');
		}
		return s.toString();
	}

	static List<String> keys(String text) {
		return text == null ? List.of() : Arrays.stream(text.split("[、,，\\s]+")).filter(k -> !k.isBlank()).toList();
	}
}
