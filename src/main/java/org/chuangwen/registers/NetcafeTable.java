package org.chuangwen.registers;

import java.util.List;
import java.util.Map;
import org.chuangwen.orgs.DataScope;
import org.springframework.stereotype.Component;

/** 社区网吧统计表 (Ⅲ-52): every net café with its licence, legal person, 机位数 added up and its supervising volunteer. */
@Component
class NetcafeTable extends RegisterTable {

	private static final Map<String, String> LABELS = Map.of("cafe", "网吧名称", "address", "地址", "legal_person", "法人", "phone", "电话", "seats", "机位数",
			"licence", "许可证号", "supervisor", "监督志愿者");

	NetcafeTable(SchemaBook schemas, RegisterRows rows, DataScope scope) {
		super(schemas, rows, scope);
	}

	@Override
	public String title() {
		return "社区网吧统计表";
	}

	@Override
	String register() {
		return "netcafe";
	}

	@Override
	List<String> columns() {
		return List.of("cafe", "address", "legal_person", "phone", "seats", "licence", "supervisor");
	}

	@Override
	String fallbackLabel(String key) {
		return LABELS.getOrDefault(key, key);
	}
}
