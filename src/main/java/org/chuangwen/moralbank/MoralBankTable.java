package org.chuangwen.moralbank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.tables.StatisticsTable;
import org.springframework.stereotype.Component;

/**
 * 道德银行服务统计表: per account holder of the unit, the points deposited, deducted and redeemed in the period (a
 * reversal counts under the kind it reverses) and the balance at the period's end, with a totals row.
 */
@Component
class MoralBankTable implements StatisticsTable {

	private final Books books;
	private final DataScope scope;

	MoralBankTable(Books books, DataScope scope) {
		this.books = books;
		this.scope = scope;
	}

	@Override
	public String name() {
		return "moral-bank";
	}

	@Override
	public String title() {
		return "道德银行服务统计表";
	}

	@Override
	public Table compute(long orgUnitId, LocalDate from, LocalDate to) {
		OrgUnit unit = scope.readable(orgUnitId);
		if (from == null || to == null || from.isAfter(to)) {
			throw UserFacingException.badRequest("invalid_period", "moralbank.error.period");
		}
		List<List<Object>> rows = new ArrayList<>();
		long[] totals = new long[4];
		int n = 0;
		for (Account a : books.residentAccounts(unit.path())) {
			Books.Movements m = books.movements(a.id(), from, to);
			long balance = books.balanceOn(a.id(), to);
			rows.add(List.of(++n, a.holderName(), m.deposited(), m.deducted(), m.redeemed(), balance));
			totals[0] += m.deposited();
			totals[1] += m.deducted();
			totals[2] += m.redeemed();
			totals[3] += balance;
		}
		List<Object> total = new ArrayList<>(List.of("合计", "", totals[0], totals[1], totals[2], totals[3]));
		return new Table(List.of("序号", "户主/居民", "存入积分", "扣减积分", "兑换积分", "期末余额"), rows, total);
	}
}
