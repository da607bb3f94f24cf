package org.chuangwen.moralbank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.chuangwen.orgs.DataScope;
import org.chuangwen.orgs.OrgUnit;
import org.chuangwen.orgs.Orgs;
import org.chuangwen.platform.ListWorkbook;
import org.chuangwen.platform.UserFacingException;
import org.chuangwen.platform.Zones;
import org.springframework.stereotype.Component;

/**
 * The monthly 公示 list of a community: every holder by name (publicity is the point) with the month's deposits,
 * deductions and redemptions and the balance at the month's end. No phone or 身份证号: the books never hold them.
 */
@Component
class Publicity {

	static final List<String> COLUMNS = List.of("序号", "姓名", "本月存入", "本月扣减", "本月兑换", "月末余额");

	private final Books books;
	private final DataScope scope;
	private final Orgs orgs;
	private final Clock clock;

	Publicity(Books books, DataScope scope, Orgs orgs, Clock clock) {
		this.books = books;
		this.scope = scope;
		this.orgs = orgs;
		this.clock = clock;
	}

	record Sheet(String fileName, byte[] content) {}

	Sheet month(long orgUnitId, String month) {
		OrgUnit unit = scope.readable(orgUnitId);
		OrgUnit community = orgs.communityOf(unit).orElseThrow(() -> UserFacingException.badRequest("not_a_community", "moralbank.error.community"));
		YearMonth ym;
		try {
			ym = month == null || month.isBlank() ? YearMonth.now(clock.withZone(Zones.SHANGHAI)) : YearMonth.parse(month.strip());
		} catch (java.time.format.DateTimeParseException e) {
			throw UserFacingException.badRequest("invalid_month", "moralbank.error.month");
		}
		LocalDate from = ym.atDay(1);
		LocalDate to = ym.atEndOfMonth();
		String title = community.name() + " 道德银行积分公示(" + ym.getYear() + "年" + ym.getMonthValue() + "月)";
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ListWorkbook.write(out, "公示", new ListWorkbook.Heading(title, "统计期间:" + from + " 至 " + to,
					"制表时间:" + LocalDateTime.now(clock.withZone(Zones.SHANGHAI)).withSecond(0).withNano(0).toString().replace('T', ' ')), COLUMNS,
					rows -> {
						int n = 0;
						for (Account a : books.residentAccounts(community.path())) {
							Books.Movements m = books.movements(a.id(), from, to);
							rows.add(++n, a.holderName(), m.deposited(), m.deducted(), m.redeemed(), books.balanceOn(a.id(), to));
						}
					});
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new Sheet("道德银行公示-" + community.name() + "-" + ym + ".xlsx", out.toByteArray());
	}
}
