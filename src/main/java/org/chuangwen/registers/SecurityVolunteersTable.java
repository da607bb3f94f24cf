package org.chuangwen.registers;

import java.util.List;
import java.util.Map;
import org.chuangwen.orgs.DataScope;
import org.springframework.stereotype.Component;

/** 治安志愿者统计表 (Ⅲ-93, 包片管理): every security volunteer with the area they patrol (包片区域). */
@Component
class SecurityVolunteersTable extends RegisterTable {

	private static final Map<String, String> LABELS = Map.of("name", "姓名", "sex", "性别", "phone", "联系电话", "area", "包片区域", "shift", "巡逻时段", "team",
			"所属队伍");

	SecurityVolunteersTable(SchemaBook schemas, RegisterRows rows, DataScope scope) {
		super(schemas, rows, scope);
	}

	@Override
	public String title() {
		return "治安志愿者统计表";
	}

	@Override
	String register() {
		return "security-volunteers";
	}

	@Override
	List<String> columns() {
		return List.of("name", "sex", "phone", "area", "shift", "team");
	}

	@Override
	String fallbackLabel(String key) {
		return LABELS.getOrDefault(key, key);
	}
}
