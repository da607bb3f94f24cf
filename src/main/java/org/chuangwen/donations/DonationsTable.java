package org.chuangwen.donations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chuangwen.tables.StatisticsTable;
import org.springframework.stereotype.Component;

/** 社区捐助统计表: per campaign and form (money, goods) the number of donations, donors named and the value, with totals. */
@Component
class DonationsTable implements StatisticsTable {

	private final Donations donations;

	DonationsTable(Donations donations) {
		this.donations = donations;
	}

	@Override
	public String name() {
		return "donations";
	}

	@Override
	public String title() {
		return "社区捐助统计表";
	}

	@Override
	public Table compute(long orgUnitId, LocalDate from, LocalDate to) {
		Map<List<String>, BigDecimal[]> lines = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0)) ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
		for (Donation d : donations.list(orgUnitId, from, to)) {
			BigDecimal[] line = lines.computeIfAbsent(List.of(d.campaign(), d.form()), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
			line[0] = line[0].add(BigDecimal.ONE);
			line[1] = line[1].add(d.donorKind().equals("ANONYMOUS") ? BigDecimal.ZERO : BigDecimal.ONE);
			line[2] = line[2].add(d.totalValue());
		}
		List<List<Object>> rows = new ArrayList<>();
		BigDecimal count = BigDecimal.ZERO;
		BigDecimal money = BigDecimal.ZERO;
		BigDecimal goods = BigDecimal.ZERO;
		int number = 0;
		for (var e : lines.entrySet()) {
			boolean isMoney = e.getKey().get(1).equals("MONEY");
			BigDecimal[] v = e.getValue();
			rows.add(List.of(++number, e.getKey().get(0), isMoney ? "款" : "物", v[0].intValue(), v[0].subtract(v[1]).intValue(), isMoney ? v[2] : "",
					isMoney ? "" : v[2], v[2]));
			count = count.add(v[0]);
			money = isMoney ? money.add(v[2]) : money;
			goods = isMoney ? goods : goods.add(v[2]);
		}
		List<Object> totals = List.of("合计", "", "", count.intValue(), "", money, goods, money.add(goods));
		return new Table(List.of("序号", "捐助活动", "款/物", "捐助笔数", "其中匿名", "捐款金额(元)", "捐物折价(元)", "合计(元)"), rows, totals);
	}
}
