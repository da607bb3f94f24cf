package org.chuangwen.registers;

import java.util.List;
import java.util.Map;
import org.chuangwen.orgs.DataScope;
import org.springframework.stereotype.Component;

/** 社区物业统计表 (Ⅲ-17): every estate with its property company, 管理面积 and 户数 added up, and how many have an owners' committee. */
@Component
class PropertyTable extends RegisterTable {

	private static final Map<String, String> LABELS = Map.of("estate", "小区名称", "company", "物业公司", "manager", "负责人", "phone", "联系电话", "area",
			"管理面积(㎡)", "households", "户数", "owners_committee", "是否成立业主委员会");

	PropertyTable(SchemaBook schemas, RegisterRows rows, DataScope scope) {
		super(schemas, rows, scope);
	}

	@Override
	public String title() {
		return "社区物业统计表";
	}

	@Override
	String register() {
		return "property";
	}

	@Override
	List<String> columns() {
		return List.of("estate", "company", "manager", "phone", "area", "households", "owners_committee");
	}

	@Override
	String fallbackLabel(String key) {
		return LABELS.getOrDefault(key, key);
	}
}
