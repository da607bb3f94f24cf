package org.chuangwen.courtyards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The five standards and their items as seeded from the scheme (V15); read from the database so a change is data. */
@Component
class Checklist {

	/** One standard of the scheme with the items an inspector ticks; it is met when all of its items are. */
	record Standard(String code, String title, String text, int weight, List<Item> items) {}

	/** A checkable item; {@code keeperRole} names the keeper whose assignment proposes it as met (may be null). */
	record Item(String code, String standardCode, String title, String keeperRole) {}

	private final JdbcClient jdbc;

	Checklist(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The standards in the scheme's order, each with its items in order; never empty once migrated. */
	List<Standard> standards() {
		Map<String, List<Item>> items = new LinkedHashMap<>();
		jdbc.sql("select code, standard_code, title, keeper_role from courtyard_item order by standard_code, position")
				.query((rs, n) -> new Item(rs.getString("code"), rs.getString("standard_code"), rs.getString("title"), rs.getString("keeper_role")))
				.list()
				.forEach(item -> items.computeIfAbsent(item.standardCode(), k -> new ArrayList<>()).add(item));
		return jdbc.sql("select code, title, text, weight from courtyard_standard order by position")
				.query((rs, n) -> new Standard(rs.getString("code"), rs.getString("title"), rs.getString("text"), rs.getInt("weight"),
						List.copyOf(items.getOrDefault(rs.getString("code"), List.of()))))
				.list();
	}
}
